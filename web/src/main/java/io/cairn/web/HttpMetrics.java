package io.cairn.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Times every HTTP request as Micrometer's conventional {@code http.server.requests} timer ({@code
 * http_server_requests_seconds} in Prometheus), by method, route template, status and outcome, with
 * a latency histogram.
 */
public final class HttpMetrics {
  /** The timer's name, as Micrometer's web instrumentations name it. */
  public static final String REQUESTS = "http.server.requests";

  /** The route tag of a request that matched no route: one value, whatever path was asked for. */
  static final String NO_ROUTE = "NOT_FOUND";

  private static final double NANOS_PER_MILLI = 1_000_000.0;

  private final MeterRegistry registry;

  private HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Times the requests of the server being configured into the registry. */
  public static void install(JavalinConfig config, MeterRegistry registry) {
    HttpMetrics metrics = new HttpMetrics(registry);
    config.requestLogger.http(metrics::record);
  }

  private void record(Context ctx, Float millis) {
    int status = ctx.statusCode();
    Timer.builder(REQUESTS)
        .description("HTTP requests served, by route template and status")
        // The template, never the path: a path holds ids, and each would be a series of its own.
        .tag("uri", route(ctx))
        .tag("method", ctx.method().name())
        .tag("status", Integer.toString(status))
        .tag("outcome", outcome(status))
        .publishPercentileHistogram()
        // Buckets from 1 ms to 30 s: what an answer can take, in a third of the default buckets.
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry)
        .record(Duration.ofNanos((long) (millis * NANOS_PER_MILLI)));
  }

  private static String route(Context ctx) {
    // The HTTP route that matched, not a before-handler's wildcard.
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    return matched == null ? NO_ROUTE : matched.path;
  }

  private static String outcome(int status) {
    return switch (status / 100) {
      case 1 -> "INFORMATIONAL";
      case 2 -> "SUCCESS";
      case 3 -> "REDIRECTION";
      case 4 -> "CLIENT_ERROR";
      case 5 -> "SERVER_ERROR";
      default -> "UNKNOWN";
    };
  }
}
