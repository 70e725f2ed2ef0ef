package io.cairn.queries.http;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The {@code asOf} parameter: an ISO-8601 instant to answer as of, instead of now. */
public final class AsOf {
  /** The parameter, as a query's own. */
  public static final Parameters<Optional<Instant>> PARAMETERS =
      new Parameters<>(Set.of("asOf"), AsOf::read);

  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private AsOf() {}

  /**
   * The instant asked for, if one is; a malformed one, or one outside the years 1 to 9999 that the
   * stores' timestamps cannot hold, is a problem of the parameters.
   */
  private static Optional<Instant> read(QueryParams params) {
    return params.parsed(
        "asOf",
        "an ISO-8601 instant in the years 1 to 9999, such as 2026-11-23T10:15:30Z",
        AsOf::parse,
        null);
  }

  private static Instant parse(String text) {
    Instant at = Instant.parse(text);
    if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
      throw new IllegalArgumentException("out of range: " + text);
    }
    return at;
  }
}
