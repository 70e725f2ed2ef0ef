package io.cairn.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How a report cuts time into windows, by each event's own time: fixed hours or days, or windows of
 * one size that start at every advance and so overlap.
 */
public sealed interface Windowing {

  /** How long each window is. */
  Duration size();

  /** How far apart windows start. */
  Duration advance();

  /** The start of every window an instant falls in, earliest first. */
  default List<Instant> startsOf(Instant at) {
    long size = size().toMillis();
    long advance = advance().toMillis();
    long ms = at.toEpochMilli();
    long latest = Math.floorDiv(ms, advance) * advance;
    List<Instant> starts = new ArrayList<>();
    for (long start = latest; start > ms - size; start -= advance) {
      starts.addFirst(Instant.ofEpochMilli(start));
    }
    return starts;
  }

  /** Windows of one size, one after another (an hour, a day), aligned to the epoch. */
  static Windowing tumbling(Duration size) {
    return new Tumbling(size);
  }

  /** Windows of one size starting at every advance: the last hour, every five minutes. */
  static Windowing hopping(Duration size, Duration advance) {
    return new Hopping(size, advance);
  }

  /**
   * Windows one after another.
   *
   * @param size how long each is
   */
  record Tumbling(Duration size) implements Windowing {
    /** Checks the size. */
    public Tumbling {
      positive(size, "a window's size");
    }

    @Override
    public Duration advance() {
      return size;
    }
  }

  /**
   * Overlapping windows.
   *
   * @param size how long each is
   * @param advance how far apart they start; less than the size, and dividing it
   */
  record Hopping(Duration size, Duration advance) implements Windowing {
    /** Checks the sizes. */
    public Hopping {
      positive(size, "a window's size");
      positive(advance, "a window's advance");
      if (advance.compareTo(size) >= 0 || size.toMillis() % advance.toMillis() != 0) {
        throw new IllegalArgumentException(
            "hopping windows advance by less than their size, and divide it: "
                + advance
                + " does not for "
                + size);
      }
    }
  }

  private static void positive(Duration duration, String what) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " is positive, not " + duration);
    }
  }
}
