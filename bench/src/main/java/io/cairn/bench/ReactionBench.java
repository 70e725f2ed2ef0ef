package io.cairn.bench;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Benchmarks what reactions cost a running Cairn, in CPU: orders placed, confirmed and shipped in
 * turn, each step setting off reactions (integration events on every step, the shipping-deadline
 * process on confirming and shipping, the loyalty policy's command to the customer on shipping),
 * beside a baseline in the same run of as many AddItem commands in threes on carts, which set off
 * none. It reports the cores the app and its broker used (every process but the load generator,
 * from {@code /proc/stat}) for each, their ratio, and the cores they use idle.
 *
 * <p>{@code bin/cairn bench reactions --rate=200 --duration=30} against {@code bin/cairn run}: 200
 * orders/s is 600 commands/s.
 */
final class ReactionBench {
  private static final int STEPS = 3;

  private ReactionBench() {}

  /** Runs the benchmark and prints its report. */
  static void run(BenchSettings settings) throws Exception {
    Bench.header("reactions");
    int rate = settings.rates().getFirst();
    System.out.printf(
        "app %s: %d orders/s (%d commands/s) over %d customers, %d s warm-up, %d s measured%n",
        settings.api(),
        rate,
        rate * STEPS,
        settings.aggregates(),
        settings.warmup().toSeconds(),
        settings.duration().toSeconds());
    String run = UUID.randomUUID().toString().substring(0, 6);
    try (LoadClient load = LoadClient.of(settings)) {
      register(load, settings, run);
      awaitIdle(settings);
      Optional<Double> idle = idle(settings);
      OpenLoop.Result baseline = measure(load, settings, rate, i -> carts(load, run, i), "carts");
      awaitIdle(settings);
      OpenLoop.Result orders =
          measure(load, settings, rate, i -> order(load, settings, run, i), "orders");
      System.out.printf(
          "idle: app and broker %s cores%n", idle.map("%.3f"::formatted).orElse("(unknown)"));
      report("baseline, AddItem x3 on carts", baseline, rate);
      report("orders placed, confirmed, shipped", orders, rate);
      if (baseline.usage().others().isPresent() && orders.usage().others().isPresent()) {
        double base = baseline.usage().others().get();
        double reacting = orders.usage().others().get();
        System.out.printf(
            "ratio: CPU per order / CPU per three AddItems = %.2f; above idle, %.2f%n",
            reacting / base,
            idle.map(cores -> (reacting - cores) / (base - cores)).orElse(Double.NaN));
      }
    }
  }

  private static OpenLoop.Result measure(
      LoadClient load,
      BenchSettings settings,
      int rate,
      LongFunction<CompletableFuture<Boolean>> unit,
      String what) {
    OpenLoop.run(rate, settings.warmup(), i -> unit.apply(-1 - i));
    OpenLoop.Result result = OpenLoop.run(rate, settings.duration(), unit);
    System.out.printf(
        "%s at %d/s: %d done (%.0f/s), %d failed; latency of all three, ms: %s%n",
        what, rate, result.completed(), result.throughput(), result.failed(), result.percentiles());
    return result;
  }

  private static void report(String what, OpenLoop.Result result, int rate) {
    System.out.printf(
        "%s: app and broker %s cores, %s ms of CPU per unit of three commands (%s)%n",
        what,
        result.usage().others().map("%.3f"::formatted).orElse("(unknown)"),
        result.usage().others().map(cores -> "%.3f".formatted(cores * 1000 / rate)).orElse("?"),
        result.cpu());
  }

  private static Optional<Double> idle(BenchSettings settings) {
    MachineLoad idle = MachineLoad.start();
    LockSupport.parkNanos(settings.duration().toNanos());
    return idle.usage().others();
  }

  private static void register(LoadClient load, BenchSettings settings, String run) {
    CompletableFuture<?>[] all = new CompletableFuture<?>[settings.aggregates()];
    for (int c = 0; c < settings.aggregates(); c++) {
      all[c] =
          load.post(
              "/api/v1/customers/" + customer(run, c) + "/commands",
              "{\"type\":\"RegisterCustomer\",\"payload\":{\"name\":\"Bench\","
                  + "\"email\":\"bench@example.com\"}}");
    }
    CompletableFuture.allOf(all).join();
  }

  private static CompletableFuture<Boolean> order(
      LoadClient load, BenchSettings settings, String run, long i) {
    String path = "/api/v1/orders/bench-" + run + "-" + i + "/commands";
    String place =
        "{\"type\":\"PlaceOrder\",\"payload\":{\"customerId\":\""
            + customer(run, Math.floorMod(i, settings.aggregates()))
            + "\",\"currency\":\"EUR\",\"lines\":[{\"productId\":\"p-1\",\"quantity\":1,"
            + "\"unitPriceMinor\":1500}]}}";
    return load.post(path, place)
        .thenCompose(ok -> next(load, path, ok, "ConfirmOrder"))
        .thenCompose(ok -> next(load, path, ok, "ShipOrder"))
        .thenApply(status -> status == 200);
  }

  private static CompletableFuture<Boolean> carts(LoadClient load, String run, long i) {
    String path = "/api/v1/carts/bench-" + run + "-" + i + "/commands";
    String add = "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"p-1\",\"quantity\":1}}";
    return load.post(path, add)
        .thenCompose(ok -> ok == 200 ? load.post(path, add) : CompletableFuture.completedFuture(ok))
        .thenCompose(ok -> ok == 200 ? load.post(path, add) : CompletableFuture.completedFuture(ok))
        .thenApply(status -> status == 200);
  }

  private static CompletableFuture<Integer> next(
      LoadClient load, String path, int previous, String command) {
    return previous != 200
        ? CompletableFuture.completedFuture(previous)
        : load.post(path, "{\"type\":\"" + command + "\",\"payload\":{}}");
  }

  private static String customer(String run, int c) {
    return "bench-" + run + "-c" + c;
  }

  private static void awaitIdle(BenchSettings settings) throws Exception {
    ViewsIdle.await(settings.api(), Http.client());
  }
}
