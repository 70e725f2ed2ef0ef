package io.cairn.app.http;

import io.cairn.app.health.HealthRoutes;
import io.cairn.gateway.CommandRoutes;
import io.cairn.queries.QueryServer;
import io.javalin.config.JavalinConfig;

/** Every route of the app's HTTP API, in one place: health, commands, then queries. */
public final class ApiRoutes {
  private ApiRoutes() {}

  /** Installs the routes on the server being configured. */
  public static void install(
      JavalinConfig config, HealthRoutes health, CommandRoutes commands, QueryServer queries) {
    config.routes.get("/health/live", health::live);
    config.routes.get("/health/ready", health::ready);
    commands.install(config.routes);
    queries.install(config.routes);
  }
}
