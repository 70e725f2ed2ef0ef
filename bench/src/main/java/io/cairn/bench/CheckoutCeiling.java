package io.cairn.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * The checkout saga's part of the efficiency report: its highest rate, then its latency at half of
 * that. A rate holds when the saga keeps up with it: every checkout answered, every one confirmed
 * or cancelled within 5 s of its rung's end, and the p99 from a CheckOut's answer to its {@code
 * commerce.OrderConfirmed} within a second (the soak's bound of a command); the rung's warm-up
 * checkouts count with it.
 */
final class CheckoutCeiling {
  private static final Duration RUNG_PATIENCE = Duration.ofSeconds(5);
  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final long HELD_P99_MICROS = 1_000_000;
  private static final long TARGET_P99_MICROS = 250_000;
  private static final int WARM_UP_RATE = 5;

  private CheckoutCeiling() {}

  /** Climbs to the saga's highest rate, measures at half of it and says how it met the target. */
  static EfficiencyTarget measure(
      BenchSettings settings, LoadClient load, HttpClient http, String run) throws Exception {
    System.out.println("5. the checkout saga's highest rate, then its latency at half of it");
    try (Confirmations confirmations = new Confirmations(settings.bootstrap())) {
      CheckoutBench.stock(load, run);
      // The saga's code is not compiled yet after the commands' warm-up; its first rung would
      // measure the compiler.
      OpenLoop.run(
          WARM_UP_RATE,
          settings.warmup(),
          i -> CheckoutBench.checkout(load, confirmations, run, "cw", i));
      CheckoutBench.settle(confirmations, PATIENCE);
      AtomicInteger rung = new AtomicInteger();
      RateLadder.Climb climb =
          RateLadder.climb(
              "checkout",
              RateLadder.rates(5, 1_000),
              settings.step(),
              i -> CheckoutBench.checkout(load, confirmations, run, "c" + rung.get(), i),
              () -> {
                rung.incrementAndGet();
                CommandBench.awaitIdle(settings, http);
                confirmations.reset();
              },
              (rate, result) -> {
                CheckoutBench.settle(confirmations, RUNG_PATIENCE);
                Histogram confirmed = confirmations.latencies();
                System.out.printf(
                    "    confirmed %d, unsettled %d; CheckOut answered to OrderConfirmed, ms: %s%n",
                    confirmations.confirmed(), confirmations.outstanding(), percentiles(confirmed));
                return result.failed() == 0
                    && confirmations.outstanding() == 0
                    && confirmed.getValueAtPercentile(99) <= HELD_P99_MICROS;
              });
      int half = Math.max(1, climb.rate() / 2);
      CommandBench.awaitIdle(settings, http);
      OpenLoop.run(
          half, settings.warmup(), i -> CheckoutBench.checkout(load, confirmations, run, "hw", i));
      CheckoutBench.settle(confirmations, PATIENCE);
      confirmations.reset();
      OpenLoop.Result result =
          OpenLoop.run(
              half,
              settings.duration(),
              i -> CheckoutBench.checkout(load, confirmations, run, "h", i));
      CheckoutBench.settle(confirmations, PATIENCE);
      Histogram confirmed = confirmations.latencies();
      long p99 = confirmed.getValueAtPercentile(99);
      System.out.printf(
          "  at %d/s: %d checkouts answered, %d failed, %d confirmed, %d cancelled, %d unsettled;"
              + " CheckOut answered to OrderConfirmed, ms: %s%n",
          half,
          result.completed(),
          result.failed(),
          confirmations.confirmed(),
          confirmations.cancelled(),
          confirmations.outstanding(),
          percentiles(confirmed));
      return new EfficiencyTarget(
          "5. checkout at half its highest rate (%d/s)".formatted(half),
          "p99 %.0f ms from CheckOut's answer to OrderConfirmed".formatted(p99 / 1000.0),
          "highest rate: %d/s".formatted(climb.rate()),
          "",
          "p99 under %d ms".formatted(TARGET_P99_MICROS / 1000),
          climb.rate() > 0
              && result.failed() == 0
              && confirmations.outstanding() == 0
              && p99 < TARGET_P99_MICROS);
    }
  }

  private static String percentiles(Histogram micros) {
    return "p50 %.1f, p99 %.1f, max %.1f"
        .formatted(
            micros.getValueAtPercentile(50) / 1000.0,
            micros.getValueAtPercentile(99) / 1000.0,
            micros.getMaxValue() / 1000.0);
  }
}
