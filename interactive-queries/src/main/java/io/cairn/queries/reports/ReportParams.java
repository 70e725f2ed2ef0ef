package io.cairn.queries.reports;

import io.cairn.queries.http.Parameters;
import io.cairn.queries.http.QueryParams;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters of a report: the windows that start from {@code from} (inclusive) to {@code
 * to} (exclusive), ISO-8601 instants, of one {@code key} or all, with limit and cursor.
 *
 * @param from the earliest window start listed
 * @param to the window start listed windows start before
 * @param key the one key listed, all when empty
 * @param limit the most windows on the page
 * @param after the store key the page starts after, empty for the first page
 */
public record ReportParams(
    Instant from, Instant to, Optional<String> key, int limit, Optional<String> after) {

  /** The parameters, read and checked. */
  public static final Parameters<ReportParams> PARAMETERS =
      new Parameters<>(Set.of("from", "to", "key", "limit", "cursor"), ReportParams::read);

  private static final Instant EARLIEST = Instant.EPOCH;
  private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

  private static ReportParams read(QueryParams params) {
    String instant = "an ISO-8601 instant such as 2026-12-02T09:00:00Z";
    Instant from = params.parsed("from", instant, Instant::parse, EARLIEST).orElse(EARLIEST);
    Instant to = params.parsed("to", instant, Instant::parse, LATEST).orElse(LATEST);
    if (!from.isBefore(to)) {
      params.invalid("to", "an instant after from");
    }
    return new ReportParams(
        from, to, Optional.ofNullable(params.text("key")), params.limit(), params.cursor());
  }

  /** Whether a window that starts at the instant is listed. */
  boolean lists(Instant start) {
    return !start.isBefore(from) && start.isBefore(to);
  }
}
