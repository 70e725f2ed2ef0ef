package io.cairn.web.auth;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sends a request, as its token says: the subject and the scopes granted. Without
 * authentication ({@code auth.mode=none}) every request is the anonymous principal, which may do
 * anything and has no subject.
 *
 * @param subject the token's {@code sub}; empty for the anonymous principal
 * @param scopes the scopes of the token's {@code scope} claim
 * @param instance whether another instance of the cluster sends the request
 */
public record Principal(Optional<String> subject, Set<String> scopes, boolean instance) {
  private static final String ATTRIBUTE = "cairn.principal";
  private static final Set<String> ALL =
      Arrays.stream(Scope.values()).map(Scope::claim).collect(Collectors.toUnmodifiableSet());

  /** Whoever calls when nobody is authenticated: every scope, no subject. */
  public static final Principal ANONYMOUS = new Principal(Optional.empty(), ALL, false);

  /** Another instance of the cluster, as its signed request shows. */
  public static final Principal INSTANCE = new Principal(Optional.of("cairn-instance"), ALL, true);

  /** A token's principal. */
  public Principal(Optional<String> subject, Set<String> scopes) {
    this(subject, scopes, false);
  }

  /** Freezes the scopes. */
  public Principal {
    scopes = Set.copyOf(scopes);
  }

  /** Whether this principal may do what any of the scopes allows. */
  public boolean mayAny(Set<? extends Scope> needed) {
    return needed.stream().anyMatch(this::may);
  }

  private boolean may(Scope scope) {
    return switch (scope) {
      case OPEN -> true;
      case INTERNAL -> instance;
      case CUSTOMER -> subject.isPresent() && scopes.contains(scope.claim());
      case COMMAND, READ, REPORT, ADMIN -> scopes.contains(scope.claim());
    };
  }

  /**
   * The customer this principal is confined to on a route open to customers: its subject, when the
   * customer scope is all it holds of what the route needs; empty when it may act for anyone.
   */
  public Optional<String> customerOnly(Set<? extends RouteRole> needed) {
    boolean unconfined =
        needed.stream()
            .filter(Scope.class::isInstance)
            .map(Scope.class::cast)
            .anyMatch(scope -> scope != Scope.CUSTOMER && may(scope));
    return unconfined || !may(Scope.CUSTOMER) ? Optional.empty() : subject;
  }

  /** The customer the request's principal is confined to on its route, if it is. */
  public static Optional<String> customerOnly(Context ctx) {
    return of(ctx).customerOnly(ctx.routeRoles());
  }

  /** The principal the access check found for this request; anonymous before it runs. */
  public static Principal of(Context ctx) {
    Principal principal = ctx.attribute(ATTRIBUTE);
    return principal == null ? ANONYMOUS : principal;
  }

  void attachTo(Context ctx) {
    ctx.attribute(ATTRIBUTE, this);
  }
}
