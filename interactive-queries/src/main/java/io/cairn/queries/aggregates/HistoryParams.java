package io.cairn.queries.aggregates;

import io.cairn.queries.http.Parameters;
import io.cairn.queries.http.QueryParams;
import java.util.Set;

/**
 * The query parameters of the events endpoint, checked: fromVersion (default 1), limit (default
 * 100, at most 1,000) and cursor, which stands for a fromVersion a previous page gave out.
 */
public record HistoryParams(long fromVersion, int limit) {
  public static final Parameters<HistoryParams> PARAMETERS =
      new Parameters<>(Set.of("fromVersion", "limit", "cursor"), HistoryParams::read);

  private static HistoryParams read(QueryParams params) {
    long from = params.number("fromVersion", 1, Long.MAX_VALUE, 1);
    int limit = params.limit();
    var cursor = params.cursor();
    if (cursor.isPresent()) {
      try {
        from = version(cursor.get());
      } catch (IllegalArgumentException e) {
        params.invalid("cursor", "a nextCursor from a previous page");
      }
    }
    return new HistoryParams(from, limit);
  }

  private static long version(String position) {
    long version = Long.parseLong(position);
    if (version < 1) {
      throw new IllegalArgumentException("not a version: " + position);
    }
    return version;
  }
}
