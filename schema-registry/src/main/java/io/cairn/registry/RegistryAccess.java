package io.cairn.registry;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP basic authentication in front of the registry, as Confluent's: with a users file, every
 * request needs one of its users and writes an admin; without one, reads are open and writes need
 * an admin whenever the app authenticates its own API, so that nobody but the app (which has a user
 * of its own) can change the contract's schemas or their compatibility.
 */
final class RegistryAccess {
  private static final String BASIC = "basic ";

  private final RegistryUsers users;
  private final boolean writesNeedAdmin;

  RegistryAccess(RegistryUsers users, boolean writesNeedAdmin) {
    this.users = users;
    this.writesNeedAdmin = writesNeedAdmin;
  }

  void install(RoutesConfig routes) {
    routes.before(this::check);
  }

  private void check(Context ctx) {
    Optional<RegistryUsers.Role> role = signedIn(ctx);
    boolean write = isWrite(ctx);
    if (write && (writesNeedAdmin || users.everyoneSignsIn())) {
      RegistryUsers.Role signed = role.orElseThrow(() -> unauthorized(ctx));
      if (signed != RegistryUsers.Role.ADMIN) {
        throw RegistryError.forbidden("registering, deleting and changing levels need an admin");
      }
    } else if (users.everyoneSignsIn() && role.isEmpty()) {
      throw unauthorized(ctx);
    }
  }

  /** The role of the user the request names, if any; a wrong name or password is a 401. */
  private Optional<RegistryUsers.Role> signedIn(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null) {
      return Optional.empty();
    }
    if (!header.toLowerCase(Locale.ROOT).startsWith(BASIC)) {
      throw unauthorized(ctx);
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw unauthorized(ctx);
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw unauthorized(ctx);
    }
    return Optional.of(
        users
            .authenticate(decoded.substring(0, colon), decoded.substring(colon + 1))
            .orElseThrow(() -> unauthorized(ctx)));
  }

  private static RegistryError unauthorized(Context ctx) {
    ctx.header("WWW-Authenticate", "Basic realm=\"cairn-registry\", charset=\"UTF-8\"");
    return RegistryError.unauthorized();
  }

  /** Registering, deleting and setting levels; a lookup and a compatibility test only read. */
  private static boolean isWrite(Context ctx) {
    HandlerType method = ctx.method();
    if (method == HandlerType.PUT || method == HandlerType.DELETE) {
      return true;
    }
    return method == HandlerType.POST
        && ctx.path().startsWith("/subjects/")
        && ctx.path().endsWith("/versions");
  }
}
