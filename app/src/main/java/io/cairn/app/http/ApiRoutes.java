package io.cairn.app.http;

import io.cairn.app.health.HealthRoutes;
import io.cairn.gateway.CommandRoutes;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import java.util.function.Consumer;

/** Every route of the app's HTTP API, in one place. */
public final class ApiRoutes {
  private ApiRoutes() {}

  /** Installs the routes on the server being configured. */
  public static void install(
      JavalinConfig config,
      HealthRoutes health,
      CommandRoutes commands,
      Consumer<RoutesConfig> views) {
    config.routes.get("/health/live", health::live);
    config.routes.get("/health/ready", health::ready);
    commands.install(config.routes);
    views.accept(config.routes);
  }
}
