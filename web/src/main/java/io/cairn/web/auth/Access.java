package io.cairn.web.auth;

import java.time.Clock;

/**
 * Who may call a server: clients as their tokens say, and the cluster's own instances as their
 * signatures say.
 *
 * @param clients who a client's token says sends a request
 * @param cluster the secret the cluster's instances sign their requests to each other with
 * @param requestsPerSecond how many requests a client may send a second, beyond the open routes; 0
 *     for no limit
 */
public record Access(Authenticator clients, ClusterSecret cluster, int requestsPerSecond) {

  /** Checks the limit. */
  public Access {
    if (requestsPerSecond < 0) {
      throw new IllegalArgumentException("a rate limit is 0 (none) or more");
    }
  }

  /** Nobody asked for a token, and no instance but this one: a server of its own. */
  public static Access open() {
    return new Access(Authenticator.none(), ClusterSecret.random(Clock.systemUTC()), 0);
  }
}
