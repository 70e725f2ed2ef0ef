package io.cairn.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmarks single-key queries of a running Cairn over HTTP: products of its own, defined first
 * through commands, then read at a fixed rate by random id, latency measured open-loop from each
 * query's scheduled start; then, in the same run at the same rate, the app's liveness endpoint,
 * which costs only the HTTP round trip, as the baseline.
 *
 * <p>{@code bin/cairn bench queries --rate=5000 --duration=30} against {@code bin/cairn run}.
 */
final class QueryBench {
  private static final Pattern TOKEN = Pattern.compile("\"consistencyToken\":\"([^\"]+)\"");
  private static final int SEEDING_IN_FLIGHT = 64;

  private QueryBench() {}

  /** Runs the benchmark and prints its report. */
  static void run(BenchSettings settings) throws Exception {
    HttpClient http = Http.client();
    String run = UUID.randomUUID().toString().substring(0, 6);
    Bench.header("query");
    System.out.printf(
        "app %s: GET /api/v1/products/{id} at %d/s over %d products, %d s warm-up, %d s"
            + " measured%n",
        settings.api(),
        settings.rate(),
        settings.aggregates(),
        settings.warmup().toSeconds(),
        settings.duration().toSeconds());
    List<String> ids = seed(http, settings, run);

    try (LoadClient load = LoadClient.of(settings)) {
      measure(settings, ids, load);
    }
  }

  private static void measure(BenchSettings settings, List<String> ids, LoadClient load) {
    OpenLoop.run(settings.rate(), settings.warmup(), i -> product(load, ids));
    OpenLoop.Result queries =
        OpenLoop.run(settings.rate(), settings.duration(), i -> product(load, ids));
    System.out.printf(
        "queries: %d answered 200 (%.0f/s), %d failed%n",
        queries.completed(), queries.throughput(), queries.failed());
    System.out.println("latency from scheduled start, ms: " + queries.percentiles());
    System.out.println(queries.cpu());

    OpenLoop.Result baseline =
        OpenLoop.run(settings.rate(), settings.duration(), i -> ok(load, "/health/live"));
    System.out.printf(
        "baseline: GET /health/live at the same rate: %d answered (%.0f/s), %d failed; ms: %s%n",
        baseline.completed(), baseline.throughput(), baseline.failed(), baseline.percentiles());
    System.out.printf(
        "ratio: queries/s / liveness answers/s = %.2f%n",
        queries.throughput() / baseline.throughput());
  }

  /** Defines the products, then waits until the views show every one of them. */
  static List<String> seed(HttpClient http, BenchSettings settings, String run) throws Exception {
    Semaphore inFlight = new Semaphore(SEEDING_IN_FLIGHT);
    List<CompletableFuture<String>> defined = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int k = 0; k < settings.aggregates(); k++) {
        String id = "bq-" + run + "-" + k;
        ids.add(id);
        inFlight.acquire();
        defined.add(
            CompletableFuture.supplyAsync(() -> define(http, settings, id), senders)
                .whenComplete((token, error) -> inFlight.release()));
      }
    }
    for (int k = 0; k < ids.size(); k++) {
      String token = URLEncoder.encode(defined.get(k).join(), StandardCharsets.UTF_8);
      Http.get(
          http,
          settings.api().resolve("/api/v1/products/" + ids.get(k) + "?consistencyToken=" + token));
    }
    System.out.printf("seeded: %d products, each read back with its token%n", ids.size());
    return ids;
  }

  private static String define(HttpClient http, BenchSettings settings, String id) {
    String body =
        "{\"type\":\"DefineProduct\",\"payload\":{\"name\":\"Bench tea\",\"category\":\"bench\","
            + "\"priceMinor\":450,\"currency\":\"EUR\"}}";
    try {
      String answer =
          Http.post(
              http, settings.api().resolve("/api/v1/products/" + id + "/commands"), body, 200);
      Matcher token = TOKEN.matcher(answer);
      if (!token.find()) {
        throw new IllegalStateException("no consistency token in " + answer);
      }
      return token.group(1);
    } catch (Exception e) {
      throw new IllegalStateException("defining " + id + " failed: " + e.getMessage(), e);
    }
  }

  static CompletableFuture<Boolean> product(LoadClient load, List<String> ids) {
    String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    return ok(load, "/api/v1/products/" + id);
  }

  static CompletableFuture<Boolean> ok(LoadClient load, String path) {
    return load.get(path).thenApply(status -> status == 200);
  }
}
