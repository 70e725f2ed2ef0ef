package io.cairn.queries.consistency;

import io.cairn.queries.http.QueryParams;
import io.cairn.web.auth.ClusterSecret;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What a query asks to wait for: a command's consistency token (the {@code consistencyToken}
 * parameter or the {@code Consistency-Token} header) and how long to wait for the view to reflect
 * it ({@code waitMs}, default 5,000, at most 30,000).
 *
 * @param token the command to wait for, or empty to answer at once
 * @param maxWait how long to wait at most
 */
public record ConsistencyWait(Optional<ConsistencyToken> token, Duration maxWait) {
  /** The query parameters it is read from. */
  public static final Set<String> NAMES = Set.of("consistencyToken", "waitMs");

  /** The header that carries a token, as the parameter does. */
  public static final String TOKEN_HEADER = "Consistency-Token";

  private static final long DEFAULT_WAIT_MS = 5_000;
  private static final long MAX_WAIT_MS = 30_000;

  /** The wait a query asks for; a malformed token or wait is a problem of the parameters. */
  public static ConsistencyWait read(QueryParams params, String header, ClusterSecret tokens) {
    long waitMs = params.number("waitMs", 0, MAX_WAIT_MS, DEFAULT_WAIT_MS);
    String text = params.text("consistencyToken");
    String given = text != null ? text : header;
    Optional<ConsistencyToken> token = Optional.empty();
    if (given != null) {
      token = ConsistencyToken.parse(given, tokens);
      if (token.isEmpty()) {
        params.invalid("consistencyToken", "the consistencyToken of a command's answer");
      }
    }
    return new ConsistencyWait(token, Duration.ofMillis(waitMs));
  }
}
