package io.cairn.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Benchmarks the command path of a running Cairn over HTTP: AddItem commands at a fixed rate,
 * spread over many carts, latency measured open-loop from each command's scheduled start, then a
 * raw Kafka producer on the same broker as the baseline. Given several rates, it measures each in
 * turn, waiting between them until the app's views are idle, so that no rate pays for the backlog
 * of the one before.
 *
 * <p>{@code bin/cairn bench commands --rate=2000,4000,8000 --duration=30} against {@code bin/cairn
 * run}.
 */
public final class CommandBench {
  /** The size of an AddItem command envelope in Avro, give or take a few bytes. */
  private static final int COMMAND_RECORD_BYTES = 120;

  /**
   * The baseline's rate is as steady over 10 s as over 30, and a 30 s one wrote some 9 GB, which
   * the broker deletes a minute later, while whatever runs next is being measured.
   */
  private static final Duration LONGEST_BASELINE = Duration.ofSeconds(10);

  private CommandBench() {}

  /** Runs the benchmark and prints its report. */
  static void run(BenchSettings settings) throws Exception {
    Bench.header("command");
    System.out.printf(
        "app %s, broker %s: AddItem at %s/s over %d carts, %d s warm-up, %d s measured%n",
        settings.api(),
        settings.bootstrap(),
        settings.rates(),
        settings.aggregates(),
        settings.warmup().toSeconds(),
        settings.duration().toSeconds());
    HttpClient http = Http.client();
    List<OpenLoop.Result> results = new ArrayList<>();
    try (LoadClient load = LoadClient.of(settings)) {
      for (int rate : settings.rates()) {
        if (!results.isEmpty()) {
          awaitIdle(settings, http);
        }
        results.add(measure(load, settings, rate));
      }
    }
    // The baseline measures the broker, not what the app still has to fold.
    awaitIdle(settings, http);
    double baseline =
        ProducerBaseline.run(
            settings.bootstrap(),
            6,
            COMMAND_RECORD_BYTES,
            settings.duration().compareTo(LONGEST_BASELINE) < 0
                ? settings.duration()
                : LONGEST_BASELINE);
    System.out.printf(
        "baseline: raw Kafka producer (acks=all, idempotent, %d-byte records): %.0f records/s%n",
        COMMAND_RECORD_BYTES, baseline);
    for (int i = 0; i < results.size(); i++) {
      System.out.printf(
          "ratio at %d/s: commands/s / producer records/s = %.3f%n",
          settings.rates().get(i), results.get(i).throughput() / baseline);
    }
  }

  private static OpenLoop.Result measure(LoadClient load, BenchSettings settings, int rate) {
    String run = UUID.randomUUID().toString().substring(0, 6);
    OpenLoop.run(rate, settings.warmup(), i -> addItem(load, settings, "w" + run, i));
    OpenLoop.Result result =
        OpenLoop.run(rate, settings.duration(), i -> addItem(load, settings, run, i));
    System.out.printf(
        "at %d/s: %d answered 200 (%.0f/s), %d failed%n",
        rate, result.completed(), result.throughput(), result.failed());
    System.out.println("  latency from scheduled start, ms: " + result.percentiles());
    System.out.println("  " + result.cpu());
    return result;
  }

  static void awaitIdle(BenchSettings settings, HttpClient http) throws Exception {
    System.out.printf(
        "(the views were idle again %.1f s later)%n",
        ViewsIdle.await(settings.api(), http).toMillis() / 1000.0);
  }

  static CompletableFuture<Boolean> addItem(
      LoadClient load, BenchSettings settings, String run, long i) {
    String cart = "bench-" + run + "-" + (i % settings.aggregates());
    String body =
        "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"p-" + (i % 5) + "\",\"quantity\":1}}";
    return load.post("/api/v1/carts/" + cart + "/commands", body)
        .thenApply(status -> status == 200);
  }
}
