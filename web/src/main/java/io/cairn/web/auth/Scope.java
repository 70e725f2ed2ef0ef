package io.cairn.web.auth;

import io.javalin.security.RouteRole;

/**
 * What a route needs of its caller, declared with the route: no token at all, or a token carrying
 * one of the scopes in its {@code scope} claim. A route may name several, any of which will do.
 */
public enum Scope implements RouteRole {
  /** Anyone, with or without a token: the probes and the pages that hold no data. */
  OPEN(""),
  /** Sending commands. */
  COMMAND("cairn:command"),
  /** Reading views, histories and processes. */
  READ("cairn:read"),
  /** Reading reports and their streams. */
  REPORT("cairn:report"),
  /**
   * Acting for the one customer the token's subject names: reading what is that customer's and
   * sending the commands a customer sends for itself, as the domain declares them.
   */
  CUSTOMER("cairn:customer"),
  /** Operating the views and the dead-letter queue. */
  ADMIN("cairn:admin"),
  /**
   * Another instance of the cluster, by its {@link ClusterSecret} signature: no token grants it,
   * whatever its scope claim says.
   */
  INTERNAL("cairn:internal");

  private final String claim;

  Scope(String claim) {
    this.claim = claim;
  }

  /** The scope as a token's {@code scope} claim names it. */
  public String claim() {
    return claim;
  }
}
