package io.cairn.app.config;

import io.cairn.analytics.ReportSettings;
import java.time.Duration;

/**
 * How the reports are kept.
 *
 * @param grace how late after its window closes an event still counts in it
 * @param retention how long a window is kept for queries after it starts
 */
public record ReportsConfig(Duration grace, Duration retention) {
  private static final Duration DEFAULT_GRACE = Duration.ofMinutes(10);
  private static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  /** Checks the values. */
  public ReportsConfig {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("reports.grace must be zero or more");
    }
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("reports.retention must be positive");
    }
  }

  static ReportsConfig read(Settings settings) {
    Duration grace =
        settings.duration(
            "reports.grace",
            DEFAULT_GRACE,
            "How late after its window closes an event still counts in a report's window; a later"
                + " one is left out of it and counted as late.");
    Duration retention =
        settings.duration(
            "reports.retention",
            DEFAULT_RETENTION,
            "How long a report's window is kept for queries after it starts.");
    return settings
        .validated("reports.grace, reports.retention", () -> new ReportsConfig(grace, retention))
        .orElse(new ReportsConfig(DEFAULT_GRACE, DEFAULT_RETENTION));
  }

  /** The settings the reports are kept with. */
  public ReportSettings settings() {
    return new ReportSettings(grace, retention);
  }
}
