package io.cairn.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures, in one run, the efficiency targets of a running Cairn, each beside its baseline: what
 * it costs idle; what it costs at a given command rate and so per command; the highest command rate
 * it sustains at p99 within 50 ms beside the bare Kafka Streams fold of the same shape; the highest
 * single-key query rate at p99 under 10 ms beside the liveness endpoint's; and the checkout saga's
 * p99 at half its highest rate. It ends with a table of all five.
 *
 * <p>{@code bin/cairn bench efficiency} against a fresh {@code bin/cairn run}, on a machine where
 * nothing else works: the CPU figures are every process's but the bench's.
 */
final class EfficiencyBench {
  private static final double IDLE_CORES = 0.05;
  private static final double CORES_AT_RATE = 0.35;
  private static final double CEILING_RATIO = 0.3;
  private static final double QUERY_RATIO = 0.8;
  private static final long COMMAND_P99_MICROS = 50_000;
  private static final long QUERY_P99_MICROS = 10_000;
  private static final int FOLDED_COMMANDS = 1_000_000;

  private EfficiencyBench() {}

  /** Runs the benchmark and prints its report. */
  static void run(BenchSettings settings) throws Exception {
    Bench.header("efficiency");
    System.out.printf(
        "app %s, broker %s: %d s measured at each fixed rate after %d s of warm-up, %d s at each"
            + " rung of a rate search after 5 s%n",
        settings.api(),
        settings.bootstrap(),
        settings.duration().toSeconds(),
        settings.warmup().toSeconds(),
        settings.step().toSeconds());
    HttpClient http = Http.client();
    String run = UUID.randomUUID().toString().substring(0, 6);
    List<EfficiencyTarget> targets = new ArrayList<>();
    try (LoadClient load = LoadClient.of(settings)) {
      warmUp(settings, load, run);
      double idle = idle(settings, http);
      OpenLoop.Result atRate = atRate(settings, load, run);
      RateLadder.Climb commands = commandCeiling(settings, load, http, run);
      BareFold.Result fold = fold(settings, http);
      targets.add(idleTarget(idle));
      targets.add(costTarget(settings.rate(), atRate, idle, fold));
      targets.add(ceilingTarget(commands, fold));
      targets.add(queries(settings, load, http, run));
      targets.add(CheckoutCeiling.measure(settings, load, http, run));
    }
    EfficiencyTarget.print(targets);
  }

  /** A fresh app's code is not compiled yet, and would be measured as such. */
  private static void warmUp(BenchSettings settings, LoadClient load, String run) {
    System.out.printf(
        "warm-up: AddItem at %d/s for %d s%n", settings.rate(), settings.warmup().toSeconds());
    OpenLoop.run(
        settings.rate(),
        settings.warmup(),
        i -> CommandBench.addItem(load, settings, "w0" + run, i));
  }

  private static double idle(BenchSettings settings, HttpClient http) throws Exception {
    System.out.println("1. idle");
    IdleBench.Idle idle = IdleBench.measure(settings, http);
    System.out.printf(
        "  views idle after %.1f s, then %d s with no traffic: %s%n",
        idle.settled().toMillis() / 1000.0, settings.duration().toSeconds(), idle.report());
    return idle.cores().orElse(Double.NaN);
  }

  private static OpenLoop.Result atRate(BenchSettings settings, LoadClient load, String run) {
    int rate = settings.rate();
    System.out.printf("2. AddItem at %d/s over %d carts%n", rate, settings.aggregates());
    OpenLoop.run(rate, settings.warmup(), i -> CommandBench.addItem(load, settings, "w" + run, i));
    OpenLoop.Result result =
        OpenLoop.run(rate, settings.duration(), i -> CommandBench.addItem(load, settings, run, i));
    System.out.printf(
        "  %d answered 200, %d failed; ms: %s%n  %s%n",
        result.completed(), result.failed(), result.percentiles(), result.cpu());
    return result;
  }

  private static RateLadder.Climb commandCeiling(
      BenchSettings settings, LoadClient load, HttpClient http, String run) throws Exception {
    System.out.println("3. the highest AddItem rate at p99 within 50 ms, then the bare fold");
    AtomicInteger rung = new AtomicInteger();
    return RateLadder.climb(
        "AddItem",
        RateLadder.rates(100, 64_000),
        settings.step(),
        i -> CommandBench.addItem(load, settings, run + "-" + rung.get(), i),
        () -> {
          rung.incrementAndGet();
          CommandBench.awaitIdle(settings, http);
        },
        (rate, result) ->
            result.failed() == 0
                && result.latencies().getValueAtPercentile(99) <= COMMAND_P99_MICROS);
  }

  private static BareFold.Result fold(BenchSettings settings, HttpClient http) throws Exception {
    CommandBench.awaitIdle(settings, http);
    BareFold.Result fold =
        BareFold.run(settings.bootstrap(), FOLDED_COMMANDS, settings.aggregates());
    System.out.printf(
        "  bare fold: %,d commands in %.1f s, %.0f/s; %s%n",
        fold.folded(), fold.elapsed().toMillis() / 1000.0, fold.rate(), fold.cpu());
    return fold;
  }

  private static EfficiencyTarget idleTarget(double idle) {
    return new EfficiencyTarget(
        "1. idle: app and broker",
        "%.3f cores".formatted(idle),
        "",
        "",
        "at most %.2f cores".formatted(IDLE_CORES),
        idle <= IDLE_CORES);
  }

  /**
   * The cores at the rate, and per command, beside the bare fold's CPU per command: the machine's
   * while it folded, less the app's idle cost that went on meanwhile.
   */
  private static EfficiencyTarget costTarget(
      int rate, OpenLoop.Result atRate, double idle, BareFold.Result fold) {
    double cores = atRate.usage().others().orElse(Double.NaN);
    double perCommandMs = cores * 1000 / rate;
    double marginalMs = (cores - idle) * 1000 / rate;
    double foldMs = (fold.usage().machine().orElse(Double.NaN) - idle) * 1000 / fold.rate();
    return new EfficiencyTarget(
        "2. app and broker at %,d commands/s".formatted(rate),
        "%.3f cores: %.3f ms of CPU per command, %.3f above idle"
            .formatted(cores, perCommandMs, marginalMs),
        "bare fold: %.3f ms of CPU per command".formatted(foldMs),
        "%.1f".formatted(perCommandMs / foldMs),
        "at most %.2f cores".formatted(CORES_AT_RATE),
        cores <= CORES_AT_RATE && atRate.failed() == 0);
  }

  private static EfficiencyTarget ceilingTarget(RateLadder.Climb commands, BareFold.Result fold) {
    double ratio = commands.rate() / fold.rate();
    return new EfficiencyTarget(
        "3. command ceiling over HTTP, views running",
        "%,d/s at p99 within 50 ms".formatted(commands.rate()),
        "bare Kafka Streams fold: %,.0f/s".formatted(fold.rate()),
        "%.3f".formatted(ratio),
        "at least %.1f".formatted(CEILING_RATIO),
        ratio >= CEILING_RATIO);
  }

  private static EfficiencyTarget queries(
      BenchSettings settings, LoadClient load, HttpClient http, String run) throws Exception {
    System.out.println("4. the highest rates at p99 under 10 ms: liveness, then product queries");
    CommandBench.awaitIdle(settings, http);
    List<String> products = QueryBench.seed(http, settings, run);
    CommandBench.awaitIdle(settings, http);
    RateLadder.Bound quick =
        (rate, result) ->
            result.failed() == 0 && result.latencies().getValueAtPercentile(99) < QUERY_P99_MICROS;
    List<Integer> rates = RateLadder.rates(1000, 128_000);
    RateLadder.Climb liveness =
        RateLadder.climb(
            "GET /health/live",
            rates,
            settings.step(),
            i -> QueryBench.ok(load, "/health/live"),
            () -> {},
            quick);
    RateLadder.Climb queries =
        RateLadder.climb(
            "GET /api/v1/products/{id}",
            rates,
            settings.step(),
            i -> QueryBench.product(load, products),
            () -> {},
            quick);
    double ratio = (double) queries.rate() / Math.max(1, liveness.rate());
    return new EfficiencyTarget(
        "4. single-key queries",
        "%,d/s at p99 under 10 ms".formatted(queries.rate()),
        "liveness: %,d/s".formatted(liveness.rate()),
        "%.2f".formatted(ratio),
        "at least %.1f".formatted(QUERY_RATIO),
        liveness.rate() > 0 && ratio >= QUERY_RATIO);
  }
}
