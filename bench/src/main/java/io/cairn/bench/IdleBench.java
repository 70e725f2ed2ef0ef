package io.cairn.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures what a running Cairn costs with no traffic: once its views have folded everything, the
 * cores busy on the machine over the measured duration, less this benchmark's own (which only
 * sleeps). Run it on a machine where nothing else works: it cannot tell the app and its broker from
 * other processes.
 *
 * <p>{@code bin/cairn bench idle --duration=60} against {@code bin/cairn run}.
 */
final class IdleBench {
  private IdleBench() {}

  /**
   * An idle measurement.
   *
   * @param settled how long the views took to fold what was left
   * @param report the machine's load while measured, as a report line
   * @param cores the cores busy on the machine but the bench's, where the kernel says
   */
  record Idle(Duration settled, String report, Optional<Double> cores) {}

  /** Runs the benchmark and prints its report. */
  static void run(BenchSettings settings) throws Exception {
    Bench.header("idle");
    System.out.printf(
        "app %s: once the views are idle, %d s with no traffic%n",
        settings.api(), settings.duration().toSeconds());
    Idle idle = measure(settings, Http.client());
    System.out.printf(
        "views idle after %.1f s%n%s%n", idle.settled().toMillis() / 1000.0, idle.report());
    idle.cores()
        .ifPresent(
            cores ->
                System.out.printf(
                    "app and broker idle (every process but the bench): %.3f cores%n", cores));
  }

  /** Waits until the views are idle, then measures the machine over the settings' duration. */
  static Idle measure(BenchSettings settings, HttpClient http) throws Exception {
    Duration settled = ViewsIdle.await(settings.api(), http);
    MachineLoad load = MachineLoad.start();
    LockSupport.parkNanos(settings.duration().toNanos());
    return new Idle(settled, load.report(), load.usage().others());
  }
}
