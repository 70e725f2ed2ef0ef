package io.cairn.web.auth;

import io.cairn.web.ApiException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks every matched request against the scopes its route declares, before its handler runs: a
 * missing or refused token is a 401 with {@code WWW-Authenticate} (RFC 6750), a token without any
 * of the route's scopes a 403. A route that declares nothing is taken as an operator's, so that a
 * route added without thought is closed, not open.
 */
public final class AccessControl {
  private static final String REALM = "Bearer realm=\"cairn\"";
  private static final String BEARER = "bearer ";

  private final Authenticator authenticator;
  private final ClusterSecret cluster;
  private final Optional<RateLimiter> limiter;

  private AccessControl(Access access) {
    this.authenticator = access.clients();
    this.cluster = access.cluster();
    this.limiter =
        access.requestsPerSecond() == 0
            ? Optional.empty()
            : Optional.of(new RateLimiter(access.requestsPerSecond(), System::nanoTime));
  }

  /** Installs the check on the server being configured. */
  public static void install(JavalinConfig config, Access access) {
    AccessControl control = new AccessControl(access);
    config.routes.beforeMatched(control::check);
  }

  private void check(Context ctx) {
    Set<Scope> needed = needed(ctx.routeRoles());
    Principal principal;
    try {
      if (cluster.signed(ctx)) {
        Principal.INSTANCE.attachTo(ctx);
        return;
      }
      if (needed.contains(Scope.OPEN)) {
        Principal.ANONYMOUS.attachTo(ctx);
        return;
      }
      if (!authenticator.required()) {
        Principal.ANONYMOUS.attachTo(ctx);
        limit(ctx, Principal.ANONYMOUS);
        return;
      }
      principal = authenticator.authenticate(bearerToken(ctx));
    } catch (Authenticator.Unauthenticated refused) {
      ctx.header("WWW-Authenticate", challenge(ctx, refused));
      throw new ApiException(401, "unauthorized", refused.getMessage());
    }
    if (!principal.mayAny(needed)) {
      String scopes = needed.stream().map(Scope::claim).collect(Collectors.joining(" "));
      ctx.header(
          "WWW-Authenticate", REALM + ", error=\"insufficient_scope\", scope=\"" + scopes + "\"");
      throw new ApiException(
          403,
          "forbidden",
          "This needs a token with the scope " + scopes.replace(" ", " or ") + ".");
    }
    principal.attachTo(ctx);
    limit(ctx, principal);
  }

  /** Refuses a client past its rate: each token's subject, or else each address, on its own. */
  private void limit(Context ctx, Principal principal) {
    if (limiter.isEmpty()) {
      return;
    }
    String client = principal.subject().map(s -> "subject:" + s).orElse("address:" + ctx.ip());
    Optional<Duration> wait = limiter.get().take(client);
    if (wait.isPresent()) {
      Duration retryAfter = Duration.ofSeconds(Math.max(1, (wait.get().toMillis() + 999) / 1000));
      throw ApiException.retryLater(
          429,
          "too_many_requests",
          "More requests than http.rate.limit allows a client; try again in "
              + retryAfter.toSeconds()
              + " s.",
          retryAfter);
    }
  }

  private static Set<Scope> needed(Set<RouteRole> roles) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    roles.stream().filter(Scope.class::isInstance).map(Scope.class::cast).forEach(scopes::add);
    return scopes.isEmpty() ? EnumSet.of(Scope.ADMIN) : scopes;
  }

  private static Optional<String> bearerToken(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null) {
      return Optional.empty();
    }
    if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      throw new Authenticator.Unauthenticated("Authorization must be a Bearer token.");
    }
    return Optional.of(header.substring(BEARER.length()).trim());
  }

  private static String challenge(Context ctx, Authenticator.Unauthenticated refused) {
    if (ctx.header("Authorization") == null) {
      return REALM;
    }
    return REALM
        + ", error=\"invalid_token\", error_description=\""
        + refused.getMessage().replace("\"", "'")
        + "\"";
  }
}
