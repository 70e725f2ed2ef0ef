package io.cairn.analytics;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one report's part of the views application has done since the views started or were last
 * rebuilt: windows it left an event out of for lateness, deltas it sent on to its windows, and the
 * time its own processors took, summed over the stream threads. The time leaves out what Kafka
 * Streams spends around them, such as reading and writing the report's repartition topic.
 */
public final class ReportActivity {
  private final LongAdder late = new LongAdder();
  private final LongAdder deltas = new LongAdder();
  private final LongAdder nanos = new LongAdder();

  /**
   * The activity as read at one moment.
   *
   * @param lateBeyondGrace windows left unchanged by an event beyond the grace period
   * @param deltas deltas sent on to the report's windows
   * @param processingSeconds the time the report's processors took, summed over threads
   */
  public record Counts(long lateBeyondGrace, long deltas, double processingSeconds) {}

  void late() {
    late.increment();
  }

  void delta() {
    deltas.increment();
  }

  /** Adds the time since a {@link System#nanoTime()} reading to the processors' time. */
  void spentSince(long startNanos) {
    nanos.add(System.nanoTime() - startNanos);
  }

  /** The counts now. */
  public Counts counts() {
    return new Counts(late.sum(), deltas.sum(), nanos.sum() / 1e9);
  }
}
