package io.cairn.queries.http;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The {@code asOf} parameter: an ISO-8601 instant to answer as of, instead of now. */
public final class AsOf {
  /** The parameter, as a query's own. */
  public static final Parameters<Optional<Instant>> PARAMETERS =
      new Parameters<>(Set.of("asOf"), AsOf::read);

  private AsOf() {}

  /** The instant asked for, if one is; a malformed one is a problem of the parameters. */
  private static Optional<Instant> read(QueryParams params) {
    return params.parsed(
        "asOf", "an ISO-8601 instant such as 2026-11-23T10:15:30Z", Instant::parse, null);
  }
}
