package io.cairn.queries.http;

import java.util.Set;
import java.util.function.Function;

/**
 * An endpoint's own query parameters: their names, so that any other is refused, and how they are
 * read; a malformed one is a problem of the parameters, reported with the others.
 *
 * @param names the names the endpoint takes besides the common ones
 * @param reader reads them from the request's parameters
 * @param <P> the parameters, read and checked
 */
public record Parameters<P>(Set<String> names, Function<QueryParams, P> reader) {

  /** The parameters as the request gives them. */
  public P read(QueryParams params) {
    return reader.apply(params);
  }
}
