package io.cairn.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a soak's clients saw, second by second since its start: the latency of each command and
 * query, filed under the second it was scheduled in (open loop: a command that waited for a fault
 * to pass is charged all of it), and every answer but a success, filed under the second it came.
 */
final class SoakTimeline {
  /** Percentiles of a stretch, in milliseconds; zeros when nothing was scheduled in it. */
  record Window(long count, double p50, double p99, double max) {
    @Override
    public String toString() {
      return count == 0 ? "none" : "p50 %.0f, p99 %,.0f, max %,.0f ms".formatted(p50, p99, max);
    }
  }

  /** One second's latencies, in microseconds. */
  private static final class Second {
    private int[] micros = new int[64];
    private int size;

    synchronized void add(long value) {
      if (size == micros.length) {
        micros = Arrays.copyOf(micros, size * 2);
      }
      micros[size++] = (int) Math.min(Integer.MAX_VALUE, value);
    }

    synchronized int[] values() {
      return Arrays.copyOf(micros, size);
    }
  }

  private final long startNanos;
  private final Map<Integer, Second> commands = new ConcurrentHashMap<>();
  private final Map<Integer, Second> queries = new ConcurrentHashMap<>();
  private final Map<Integer, Map<String, LongAdder>> told = new ConcurrentHashMap<>();

  SoakTimeline(long startNanos) {
    this.startNanos = startNanos;
  }

  /** Where the clock is now, as an offset from the soak's start. */
  Duration now() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  void command(long scheduledNanos, long doneNanos) {
    record(commands, scheduledNanos, doneNanos);
  }

  void query(long scheduledNanos, long doneNanos) {
    record(queries, scheduledNanos, doneNanos);
  }

  /** A client was told something other than success, or nothing at all. */
  void told(String what) {
    told.computeIfAbsent(second(System.nanoTime()), s -> new ConcurrentHashMap<>())
        .computeIfAbsent(what, w -> new LongAdder())
        .increment();
  }

  Window commands(Duration from, Duration to) {
    return window(commands, from, to);
  }

  Window queries(Duration from, Duration to) {
    return window(queries, from, to);
  }

  /** What clients were told, other than success, in a stretch: each answer and how often. */
  Map<String, Long> toldBetween(Duration from, Duration to) {
    Map<String, Long> counts = new TreeMap<>();
    for (int s = (int) from.toSeconds(); s < to.toSeconds(); s++) {
      told.getOrDefault(s, Map.of()).forEach((what, n) -> counts.merge(what, n.sum(), Long::sum));
    }
    return counts;
  }

  /**
   * How long after {@code from} commands were back to being acknowledged within {@code within}: the
   * start of the first {@code streak} of seconds, each with commands, in which every command was;
   * empty while there is none up to {@code until}.
   */
  Duration recovered(Duration from, Duration until, Duration within, Duration streak) {
    int run = 0;
    for (int s = (int) from.toSeconds(); s < until.toSeconds(); s++) {
      Window second = window(commands, Duration.ofSeconds(s), Duration.ofSeconds(s + 1));
      run = second.count() > 0 && second.max() <= within.toMillis() ? run + 1 : 0;
      if (run == streak.toSeconds()) {
        return Duration.ofSeconds(s + 1 - run).minus(from);
      }
    }
    return until.minus(from);
  }

  private void record(Map<Integer, Second> seconds, long scheduledNanos, long doneNanos) {
    seconds
        .computeIfAbsent(second(scheduledNanos), s -> new Second())
        .add((doneNanos - scheduledNanos) / 1_000);
  }

  private int second(long nanos) {
    return (int) ((nanos - startNanos) / 1_000_000_000L);
  }

  private static Window window(Map<Integer, Second> seconds, Duration from, Duration to) {
    int[][] parts = new int[(int) Math.max(0, to.toSeconds() - from.toSeconds())][];
    int total = 0;
    for (int i = 0; i < parts.length; i++) {
      Second second = seconds.get((int) from.toSeconds() + i);
      parts[i] = second == null ? new int[0] : second.values();
      total += parts[i].length;
    }
    if (total == 0) {
      return new Window(0, 0, 0, 0);
    }
    int[] all = new int[total];
    int at = 0;
    for (int[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    Arrays.sort(all);
    return new Window(total, percentile(all, 50), percentile(all, 99), all[total - 1] / 1000.0);
  }

  private static double percentile(int[] sorted, double percent) {
    int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1000.0;
  }
}
