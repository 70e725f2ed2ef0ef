package io.cairn.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Sends work at a fixed rate whatever the system under test does, and measures each operation from
 * the moment it was scheduled, not the moment it was sent: a system that stalls is charged for
 * every request that waited behind the stall (no coordinated omission).
 */
final class OpenLoop {
  private OpenLoop() {}

  /**
   * What a run measured.
   *
   * @param cpu how busy the machine was meanwhile, as a line of the report
   */
  record Result(
      Histogram latencies,
      long completed,
      long failed,
      Duration elapsed,
      String cpu,
      MachineLoad.Usage usage) {
    double throughput() {
      return completed * 1e9 / elapsed.toNanos();
    }

    /** p50 to max, in milliseconds. */
    String percentiles() {
      return "p50 %.2f, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f"
          .formatted(
              ms(latencies.getValueAtPercentile(50)),
              ms(latencies.getValueAtPercentile(90)),
              ms(latencies.getValueAtPercentile(99)),
              ms(latencies.getValueAtPercentile(99.9)),
              ms(latencies.getMaxValue()));
    }

    private static double ms(long micros) {
      return micros / 1000.0;
    }
  }

  /**
   * Runs {@code operation(i)} at {@code rate} per second for {@code duration}; an operation's
   * future completes with true on success.
   */
  static Result run(
      int rate, Duration duration, LongFunction<CompletableFuture<Boolean>> operation) {
    Recorder recorder = new Recorder(3);
    AtomicLong completed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long interval = 1_000_000_000L / rate;
    MachineLoad load = MachineLoad.start();
    long start = System.nanoTime();
    long total = duration.toSeconds() * rate;
    CompletableFuture<?>[] pending = new CompletableFuture<?>[(int) total];
    for (long i = 0; i < total; i++) {
      long intended = start + i * interval;
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      pending[(int) i] =
          operation
              .apply(i)
              .handle(
                  (ok, error) -> {
                    recorder.recordValue(Math.max(1, (System.nanoTime() - intended) / 1_000));
                    (Boolean.TRUE.equals(ok) && error == null ? completed : failed)
                        .incrementAndGet();
                    return null;
                  });
    }
    CompletableFuture.allOf(pending).join();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new Result(
        recorder.getIntervalHistogram(),
        completed.get(),
        failed.get(),
        elapsed,
        load.report(),
        load.usage());
  }
}
