package io.cairn.bench;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Benchmarks the command path of a running Cairn over HTTP: AddItem commands at a fixed rate,
 * spread over many carts, latency measured open-loop from each command's scheduled start, then a
 * raw Kafka producer on the same broker as the baseline.
 *
 * <p>{@code bin/cairn bench commands --rate=2000 --duration=30} against {@code bin/cairn run}.
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
    String run = UUID.randomUUID().toString().substring(0, 6);
    Bench.header("command");
    System.out.printf(
        "app %s, broker %s: AddItem at %d/s over %d carts, %d s warm-up, %d s measured%n",
        settings.api(),
        settings.bootstrap(),
        settings.rate(),
        settings.aggregates(),
        settings.warmup().toSeconds(),
        settings.duration().toSeconds());

    OpenLoop.Result result;
    try (LoadClient load = LoadClient.of(settings)) {
      OpenLoop.run(settings.rate(), settings.warmup(), i -> addItem(load, settings, "w" + run, i));
      result =
          OpenLoop.run(settings.rate(), settings.duration(), i -> addItem(load, settings, run, i));
    }
    report(result);

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
    System.out.printf(
        "ratio: commands/s / producer records/s = %.3f%n", result.throughput() / baseline);
  }

  private static CompletableFuture<Boolean> addItem(
      LoadClient load, BenchSettings settings, String run, long i) {
    String cart = "bench-" + run + "-" + (i % settings.aggregates());
    String body =
        "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"p-" + (i % 5) + "\",\"quantity\":1}}";
    return load.post("/api/v1/carts/" + cart + "/commands", body)
        .thenApply(status -> status == 200);
  }

  private static void report(OpenLoop.Result result) {
    System.out.printf(
        "commands: %d answered 200 (%.0f/s), %d failed%n",
        result.completed(), result.throughput(), result.failed());
    System.out.println("latency from scheduled start, ms: " + result.percentiles());
    System.out.println(result.cpu());
  }
}
