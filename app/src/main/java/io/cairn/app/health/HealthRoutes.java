package io.cairn.app.health;

import io.cairn.web.ApiError;
import io.cairn.web.ErrorResponses;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The health endpoints: liveness (the process answers) and readiness (it can serve: Kafka is
 * reachable and every Streams instance is RUNNING), for load balancers and orchestrators. Readiness
 * also names the views and process managers out of sync with the event log, under {@code sync}.
 */
public final class HealthRoutes {
  private final ReadinessProbe probe;

  /** Routes that ask the given probe. */
  public HealthRoutes(ReadinessProbe probe) {
    this.probe = probe;
  }

  /** GET /health/live: 200 as long as the process can answer at all. */
  public void live(Context ctx) {
    ctx.json(Map.of("status", "live"));
  }

  /** GET /health/ready: 200 when ready, else 503 not_ready with each failing check's reason. */
  public void ready(Context ctx) {
    ctx.future(() -> probe.check().thenAccept(readiness -> answer(ctx, readiness)));
  }

  private static void answer(Context ctx, Readiness readiness) {
    if (readiness.ready()) {
      ctx.json(Map.of("status", "ready", "checks", readiness.checks(), "sync", readiness.sync()));
      return;
    }
    ErrorResponses.send(
        ctx,
        503,
        new ApiError(
            "not_ready",
            "Cairn is not ready: " + readiness.reasons() + ".",
            Map.of("checks", readiness.checks(), "sync", readiness.sync())));
  }
}
