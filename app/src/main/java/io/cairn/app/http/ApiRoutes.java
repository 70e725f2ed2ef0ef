package io.cairn.app.http;

import io.cairn.app.contract.ContractRoutes;
import io.cairn.app.health.HealthRoutes;
import io.cairn.app.metrics.MetricsRoutes;
import io.cairn.dashboard.DashboardRoutes;
import io.cairn.gateway.CommandRoutes;
import io.cairn.queries.QueryServer;
import io.cairn.queries.deadletters.DeadLetterRoutes;
import io.cairn.web.auth.Scope;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import java.util.Set;

/**
 * Every route of the app's HTTP API, in one place: health, metrics, the contract, commands, the
 * dead-letter queue, the dashboard, then queries, whose catch-alls come last.
 */
public final class ApiRoutes {
  private ApiRoutes() {}

  /** Installs the routes on the server being configured. */
  public static void install(
      JavalinConfig config,
      HealthRoutes health,
      MetricsRoutes metrics,
      ContractRoutes contract,
      CommandRoutes commands,
      DeadLetterRoutes deadLetters,
      DashboardRoutes dashboard,
      QueryServer queries) {
    // The dashboard's chart library and the API page's Swagger UI come from WebJars: open files,
    // like the pages that load them, cached for a year since their paths name their versions.
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/webjars";
          files.directory = "META-INF/resources/webjars";
          files.location = Location.CLASSPATH;
          files.headers = Map.of("Cache-Control", "max-age=31536000");
          files.roles = Set.of(Scope.OPEN);
        });
    config.routes.get("/health/live", health::live, Scope.OPEN);
    config.routes.get("/health/ready", health::ready, Scope.OPEN);
    metrics.install(config.routes);
    contract.install(config.routes);
    commands.install(config.routes);
    deadLetters.install(config.routes);
    dashboard.install(config, Scope.OPEN);
    queries.install(config.routes);
  }
}
