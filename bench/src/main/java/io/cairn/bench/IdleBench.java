package io.cairn.bench;

import java.net.http.HttpClient;
import java.time.Duration;
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

  /** Runs the benchmark and prints its report. */
  static void run(BenchSettings settings) throws Exception {
    Bench.header("idle");
    HttpClient http = Http.client();
    Duration settled = ViewsIdle.await(settings.api(), http);
    System.out.printf(
        "app %s: views idle after %.1f s; measuring %d s with no traffic%n",
        settings.api(), settled.toMillis() / 1000.0, settings.duration().toSeconds());
    MachineLoad load = MachineLoad.start();
    LockSupport.parkNanos(settings.duration().toNanos());
    MachineLoad.Usage usage = load.usage();
    System.out.println(load.report());
    usage
        .others()
        .ifPresent(
            cores ->
                System.out.printf(
                    "app and broker idle (every process but the bench): %.3f cores%n", cores));
  }
}
