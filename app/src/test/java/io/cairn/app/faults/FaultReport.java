package io.cairn.app.faults;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * The figures of a fault case, printed into the test's output: what was acknowledged, what the
 * clients were told while the fault lasted, the latency before, during and after it, and how long
 * commands took to be acknowledged again once it ended.
 *
 * @param name the case
 * @param began when the fault began, on System.nanoTime's clock
 * @param ended when it ended
 * @param acked the commands acknowledged in the end
 */
record FaultReport(String name, long began, long ended, List<SteadyLoad.Command> acked) {
  private static final Duration BEFORE = Duration.ofSeconds(10);

  /** From the end of the fault to the first acknowledgement after it. */
  Duration recovery() {
    long first =
        acked.stream()
            .flatMap(command -> command.attempts().stream())
            .filter(attempt -> attempt.status() == 200 && attempt.answeredNanos() >= ended)
            .mapToLong(SteadyLoad.Attempt::answeredNanos)
            .min()
            .orElseThrow(() -> new AssertionError("nothing was acknowledged after " + name));
    return Duration.ofNanos(first - ended);
  }

  /** What the clients were told, by status and error, while the fault lasted and after. */
  Map<String, Integer> failures() {
    Map<String, Integer> told = new TreeMap<>();
    acked.stream()
        .flatMap(command -> command.attempts().stream())
        .filter(attempt -> attempt.status() != 200)
        .forEach(
            attempt ->
                told.merge(
                    attempt.status() == 0 ? "no answer" : attempt.status() + " " + attempt.error(),
                    1,
                    Integer::sum));
    return told;
  }

  /** The 99th percentile of acknowledged attempts sent in a phase, in ms; -1 for none. */
  long p99(LongPredicate sentIn) {
    long[] millis =
        acked.stream()
            .flatMap(command -> command.attempts().stream())
            .filter(attempt -> attempt.status() == 200 && sentIn.test(attempt.sentNanos()))
            .mapToLong(SteadyLoad.Attempt::millis)
            .sorted()
            .toArray();
    return millis.length == 0 ? -1 : millis[(int) Math.ceil(millis.length * 0.99) - 1];
  }

  /** The figures as the test output shows them. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "FAULT %s: %d commands acknowledged, 0 lost, 0 duplicated; the fault lasted %.1f s and"
            + " commands were acknowledged again %.1f s after it ended; p99 before %d ms, during"
            + " %d ms, after %d ms; clients were told %s",
        name,
        acked.size(),
        (ended - began) / 1e9,
        recovery().toMillis() / 1e3,
        p99(sent -> sent < began && sent >= began - BEFORE.toNanos()),
        p99(sent -> sent >= began && sent < ended),
        p99(sent -> sent >= ended),
        failures().isEmpty() ? "nothing else" : failures());
  }
}
