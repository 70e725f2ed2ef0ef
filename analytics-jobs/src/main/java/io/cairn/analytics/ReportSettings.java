package io.cairn.analytics;

import java.time.Duration;

/**
 * How the reports are kept.
 *
 * @param grace how late after a window closes an event is still counted in it
 * @param retention how long a window is kept after it starts, for queries
 */
public record ReportSettings(Duration grace, Duration retention) {
  /** Checks the durations. */
  public ReportSettings {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("reports.grace is zero or more, not " + grace);
    }
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("reports.retention is positive, not " + retention);
    }
  }
}
