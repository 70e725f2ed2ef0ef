package io.cairn.engine.views.topology;

import io.cairn.engine.sync.Progress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * How far each view trails the event log: for every event a view folds, the time from the event
 * (its occurredAt, when the write side appended it) to its arrival in the view, kept over the last
 * minute in one-second slots so the percentiles follow the present; and how many events were folded
 * in all, which a rebuild reports.
 */
public final class ViewLag {
  private static final int SLOTS = 60;
  private static final long MAX_MS = Duration.ofDays(7).toMillis();

  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final Progress progress;
  private final LongAdder folded = new LongAdder();

  /** Lag measured against this clock. */
  public ViewLag(Clock clock) {
    this.clock = clock;
    this.progress = new Progress(clock);
  }

  /** Notes that a view folded an event that happened at the given instant. */
  void record(String view, Instant occurredAt) {
    long now = clock.millis();
    long lag = Math.clamp(now - occurredAt.toEpochMilli(), 0, MAX_MS);
    windows.computeIfAbsent(view, v -> new Window()).record(now, lag);
    progress.note(view, occurredAt);
  }

  /** When each view last folded an event, and that event's lag. */
  public Progress progress() {
    return progress;
  }

  /** Notes that an event of the log was folded into its aggregate's state, before any view. */
  void folded() {
    folded.increment();
  }

  /** How many events of the log were folded since this instance began measuring. */
  public long eventsFolded() {
    return folded.sum();
  }

  /** A view's lag over the last minute. */
  public Snapshot snapshot(String view) {
    Window window = windows.get(view);
    return window == null ? new Snapshot(0, 0, 0) : window.snapshot(clock.millis());
  }

  /**
   * Lag percentiles over the last minute.
   *
   * @param events how many events the view folded in that minute
   * @param p50Ms the median lag, in milliseconds
   * @param p99Ms the 99th percentile, in milliseconds
   */
  public record Snapshot(long events, long p50Ms, long p99Ms) {}

  /** Sixty one-second histograms; a slot is cleared when its second comes round again. */
  private static final class Window {
    private final Histogram[] slots = new Histogram[SLOTS];
    private final long[] seconds = new long[SLOTS];

    Window() {
      for (int i = 0; i < SLOTS; i++) {
        slots[i] = new Histogram(MAX_MS, 2);
        seconds[i] = -1;
      }
    }

    synchronized void record(long nowMs, long lagMs) {
      long second = nowMs / 1000;
      int slot = (int) (second % SLOTS);
      if (seconds[slot] != second) {
        slots[slot].reset();
        seconds[slot] = second;
      }
      slots[slot].recordValue(lagMs);
    }

    synchronized Snapshot snapshot(long nowMs) {
      long second = nowMs / 1000;
      Histogram merged = new Histogram(MAX_MS, 2);
      for (int i = 0; i < SLOTS; i++) {
        if (seconds[i] > second - SLOTS) {
          merged.add(slots[i]);
        }
      }
      return new Snapshot(
          merged.getTotalCount(), merged.getValueAtPercentile(50), merged.getValueAtPercentile(99));
    }
  }
}
