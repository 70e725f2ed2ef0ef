package io.cairn.bench;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Benchmarks the checkout saga of a running Cairn: carts of one line checked out at a fixed rate,
 * each setting off its pricing, reservation, payment (through the payment provider, simulated
 * unless the app names one) and confirmation. It reports the checkouts confirmed per second and the
 * time from the CheckOut's answer to the order's {@code commerce.OrderConfirmed} integration event,
 * beside a baseline in the same run of as many carts given two AddItems (the same two HTTP commands
 * without a saga), with the cores the app and its broker used for each.
 *
 * <p>{@code bin/cairn bench checkout --rate=20 --duration=30} against {@code bin/cairn run}.
 */
final class CheckoutBench {
  private static final int PRODUCTS = 20;
  // Spread over as many customers as a shop's busy hour would see: the customer-orders view keeps
  // each customer's orders in one entry, which one customer with thousands of orders would make
  // grow with every checkout.
  private static final int CUSTOMERS = 1_000;
  private static final Duration SETTLE = Duration.ofSeconds(120);

  private CheckoutBench() {}

  /** Runs the benchmark and prints its report. */
  static void run(BenchSettings settings) throws Exception {
    Bench.header("checkout");
    int rate = settings.rate();
    System.out.printf(
        "app %s: %d checkouts/s over %d products, %d s warm-up, %d s measured%n",
        settings.api(),
        rate,
        PRODUCTS,
        settings.warmup().toSeconds(),
        settings.duration().toSeconds());
    String run = UUID.randomUUID().toString().substring(0, 6);
    try (LoadClient load = LoadClient.of(settings);
        Confirmations confirmations = new Confirmations(settings.bootstrap())) {
      stock(load, run);
      ViewsIdle.await(settings.api(), Http.client());
      OpenLoop.run(rate, settings.warmup(), i -> carts(load, run, "base-warm", i));
      OpenLoop.Result baseline =
          measure(settings, rate, i -> carts(load, run, "base", i), "baseline, AddItem x2");
      ViewsIdle.await(settings.api(), Http.client());
      OpenLoop.run(rate, settings.warmup(), i -> checkout(load, confirmations, run, "warm", i));
      settle(confirmations, SETTLE);
      confirmations.reset();
      OpenLoop.Result checkouts =
          measure(
              settings,
              rate,
              i -> checkout(load, confirmations, run, "run", i),
              "checkouts, AddItem + CheckOut");
      settle(confirmations, SETTLE);
      double seconds = checkouts.elapsed().toNanos() / 1e9;
      System.out.printf(
          "confirmed: %d (%.1f/s), cancelled: %d, unconfirmed after %d s: %d%n",
          confirmations.confirmed(),
          confirmations.confirmed() / seconds,
          confirmations.cancelled(),
          SETTLE.toSeconds(),
          confirmations.outstanding());
      System.out.printf(
          "CheckOut answered to OrderConfirmed heard, ms: %s%n", confirmations.percentiles());
      report(baseline, checkouts, rate);
    }
  }

  private static OpenLoop.Result measure(
      BenchSettings settings,
      int rate,
      LongFunction<CompletableFuture<Boolean>> unit,
      String what) {
    OpenLoop.Result result = OpenLoop.run(rate, settings.duration(), unit);
    System.out.printf(
        "%s at %d/s: %d done (%.0f/s), %d failed; latency of both commands, ms: %s%n",
        what, rate, result.completed(), result.throughput(), result.failed(), result.percentiles());
    return result;
  }

  private static void report(OpenLoop.Result baseline, OpenLoop.Result checkouts, int rate) {
    System.out.printf("baseline: %s%ncheckouts: %s%n", baseline.cpu(), checkouts.cpu());
    if (baseline.usage().others().isPresent() && checkouts.usage().others().isPresent()) {
      double base = baseline.usage().others().get();
      double saga = checkouts.usage().others().get();
      System.out.printf(
          "app and broker: baseline %.3f cores, checkouts %.3f cores; %.2f ms of CPU per"
              + " checkout; ratio %.2f%n",
          base, saga, saga * 1000 / rate, saga / base);
    }
  }

  /** Waits until every answered checkout is confirmed or cancelled, or the patience runs out. */
  static void settle(Confirmations confirmations, Duration patience) {
    long until = System.nanoTime() + patience.toNanos();
    while (confirmations.outstanding() > 0 && System.nanoTime() < until) {
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  static void stock(LoadClient load, String run) {
    CompletableFuture<?>[] all = new CompletableFuture<?>[PRODUCTS];
    for (int p = 0; p < PRODUCTS; p++) {
      String product = product(run, p);
      all[p] =
          load.post(
                  "/api/v1/products/" + product + "/commands",
                  "{\"type\":\"DefineProduct\",\"payload\":{\"name\":\"Bench\",\"category\":"
                      + "\"bench\",\"priceMinor\":1500,\"currency\":\"EUR\"}}")
              .thenCompose(
                  ok ->
                      load.post(
                          "/api/v1/inventory/" + product + "/commands",
                          "{\"type\":\"ReceiveStock\",\"payload\":{\"quantity\":1000000}}"));
    }
    CompletableFuture.allOf(all).join();
  }

  static CompletableFuture<Boolean> checkout(
      LoadClient load, Confirmations confirmations, String run, String phase, long i) {
    String cart = "bench-" + run + "-" + phase + "-" + i;
    String path = "/api/v1/carts/" + cart + "/commands";
    return load.post(path, addItem(run, i))
        .thenCompose(
            ok ->
                ok != 200
                    ? CompletableFuture.completedFuture(ok)
                    : load.post(
                        path,
                        "{\"type\":\"CheckOut\",\"payload\":{\"customerId\":\"bench-"
                            + Math.floorMod(i, CUSTOMERS)
                            + "\"}}"))
        .thenApply(
            status -> {
              if (status == 200) {
                confirmations.answered(cart);
              }
              return status == 200;
            });
  }

  private static CompletableFuture<Boolean> carts(
      LoadClient load, String run, String phase, long i) {
    String path = "/api/v1/carts/bench-" + run + "-" + phase + "-" + i + "/commands";
    return load.post(path, addItem(run, i))
        .thenCompose(
            ok ->
                ok == 200
                    ? load.post(path, addItem(run, i))
                    : CompletableFuture.completedFuture(ok))
        .thenApply(status -> status == 200);
  }

  private static String addItem(String run, long i) {
    return "{\"type\":\"AddItem\",\"payload\":{\"productId\":\""
        + product(run, (int) Math.floorMod(i, PRODUCTS))
        + "\",\"quantity\":1}}";
  }

  private static String product(String run, int p) {
    return "bench-" + run + "-p" + p;
  }
}
