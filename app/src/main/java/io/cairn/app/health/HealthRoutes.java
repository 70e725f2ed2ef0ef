package io.cairn.app.health;

import io.cairn.web.ApiError;
import io.cairn.web.ErrorResponses;
import io.javalin.http.Context;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The health endpoints: liveness (no part of the process has failed for good: no Streams instance
 * in ERROR, no background worker stopped) and readiness (it can serve: Kafka is reachable, every
 * Streams instance is RUNNING and every worker runs), for load balancers and orchestrators.
 * Readiness names each part, and the views and process managers out of sync with the event log,
 * under {@code sync}.
 */
public final class HealthRoutes {
  private final ReadinessProbe probe;

  /** Routes that ask the given probe. */
  public HealthRoutes(ReadinessProbe probe) {
    this.probe = probe;
  }

  /** GET /health/live: 200 while no part has failed for good, else 503 naming the parts. */
  public void live(Context ctx) {
    Map<String, String> dead = probe.deadParts();
    if (dead.isEmpty()) {
      ctx.json(Map.of("status", "live"));
      return;
    }
    ErrorResponses.send(
        ctx,
        503,
        new ApiError(
            "not_live",
            "Cairn must be restarted: "
                + dead.entrySet().stream()
                    .map(part -> part.getKey() + " " + part.getValue())
                    .collect(Collectors.joining("; "))
                + ".",
            Map.of("dead", dead)));
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
