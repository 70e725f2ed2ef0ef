package io.cairn.analytics;

import java.time.Duration;

/**
 * How the reports are kept.
 *
 * @param grace how late after a window closes an event is still counted in it
 * @param retention how long a window is kept after it starts, for queries
 * @param caughtUpAfter how long a task of the reports without records is taken to have caught up
 *     with the log, after which its sessions end and its windows are published by the clock
 */
public record ReportSettings(Duration grace, Duration retention, Duration caughtUpAfter) {
  /** The default time without records after which a task is taken to have caught up. */
  public static final Duration CAUGHT_UP_AFTER = Duration.ofMinutes(1);

  /** Settings with the default time after which a quiet task is taken to have caught up. */
  public ReportSettings(Duration grace, Duration retention) {
    this(grace, retention, CAUGHT_UP_AFTER);
  }

  /** Checks the durations. */
  public ReportSettings {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("reports.grace is zero or more, not " + grace);
    }
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("reports.retention is positive, not " + retention);
    }
    if (caughtUpAfter.isNegative() || caughtUpAfter.isZero()) {
      throw new IllegalArgumentException(
          "reports.caught.up.after is positive, not " + caughtUpAfter);
    }
  }
}
