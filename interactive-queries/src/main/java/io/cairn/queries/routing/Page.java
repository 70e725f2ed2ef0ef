package io.cairn.queries.routing;

import java.util.List;

/**
 * A page of a list, as the API shows it: {@code {"items", "nextCursor"}}.
 *
 * @param items the items as clients see them
 * @param nextCursor where the next page starts, or null on the last page
 */
public record Page(List<Object> items, String nextCursor) {}
