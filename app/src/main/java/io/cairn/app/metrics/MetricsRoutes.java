package io.cairn.app.metrics;

import io.cairn.web.auth.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /metrics}: every meter, in Prometheus's text format, for a scraper. */
public final class MetricsRoutes {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Metrics metrics;

  /** Routes onto the app's metrics. */
  public MetricsRoutes(Metrics metrics) {
    this.metrics = metrics;
  }

  /** Installs the route. */
  public void install(RoutesConfig routes) {
    routes.get("/metrics", this::scrape, Scope.READ);
  }

  private void scrape(Context ctx) {
    ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
  }
}
