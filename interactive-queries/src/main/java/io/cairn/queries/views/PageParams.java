package io.cairn.queries.views;

import io.cairn.queries.http.Parameters;
import io.cairn.queries.http.QueryParams;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The query parameters of a list, checked: limit (default 100, at most 1,000), cursor, and the
 * list's own filters.
 *
 * @param limit the most items on the page
 * @param after the position the page starts after, empty for the first page
 * @param filters the filters given, by name
 */
public record PageParams(int limit, Optional<String> after, Map<String, String> filters) {
  /** The parameters of a list with these filters. */
  public static Parameters<PageParams> of(Set<String> filterNames) {
    return new Parameters<>(names(filterNames), params -> read(params, filterNames));
  }

  private static Set<String> names(Set<String> filterNames) {
    Set<String> known = new HashSet<>(filterNames);
    known.add("limit");
    known.add("cursor");
    return known;
  }

  private static PageParams read(QueryParams params, Set<String> filterNames) {
    int limit = params.limit();
    Optional<String> after = params.cursor();
    Map<String, String> filters = new TreeMap<>();
    for (String name : filterNames) {
      String value = params.text(name);
      if (value != null) {
        filters.put(name, value);
      }
    }
    return new PageParams(limit, after, Map.copyOf(filters));
  }
}
