package io.cairn.app.config;

import io.cairn.analytics.ReportSettings;
import io.cairn.queries.reports.StreamSettings;
import java.time.Duration;

/**
 * How the reports are kept and streamed.
 *
 * @param settings how late an event still counts, how long windows are kept, and when a quiet task
 *     is taken to have caught up
 * @param cartSessionGap how long a cart without activity ends its session, for cart abandonment
 * @param streams how the live streams of the reports run
 */
public record ReportsConfig(
    ReportSettings settings, Duration cartSessionGap, StreamSettings streams) {
  private static final Duration DEFAULT_GRACE = Duration.ofMinutes(10);
  private static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
  private static final Duration DEFAULT_GAP = Duration.ofMinutes(30);
  private static final StreamSettings DEFAULT_STREAMS =
      new StreamSettings(1_000, Duration.ofSeconds(15));

  /** Checks the values. */
  public ReportsConfig {
    if (cartSessionGap.isNegative() || cartSessionGap.isZero()) {
      throw new IllegalArgumentException("reports.cart.session.gap must be positive");
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
            "How long a report's window is kept for queries, and on its topic, after it starts.");
    Duration caughtUp =
        settings.duration(
            "reports.caught.up.after",
            ReportSettings.CAUGHT_UP_AFTER,
            "How long a task of the reports without events is taken to have caught up with the"
                + " log; its cart sessions then end, and its windows are published, by the clock.");
    Duration gap =
        settings.duration(
            "reports.cart.session.gap",
            DEFAULT_GAP,
            "How long a cart without activity ends its session; one ended with items counts as"
                + " abandoned.");
    int streams =
        settings.integer(
            "reports.streams.max",
            DEFAULT_STREAMS.max(),
            1,
            100_000,
            "How many live report streams an instance serves at once; more are refused with 503.");
    Duration heartbeat =
        settings.duration(
            "reports.streams.heartbeat",
            DEFAULT_STREAMS.heartbeat(),
            "How long a live report stream goes without a word before it sends a heartbeat.");
    return settings
        .validated(
            "reports.*",
            () ->
                new ReportsConfig(
                    new ReportSettings(grace, retention, caughtUp),
                    gap,
                    new StreamSettings(streams, heartbeat)))
        .orElse(
            new ReportsConfig(
                new ReportSettings(DEFAULT_GRACE, DEFAULT_RETENTION),
                DEFAULT_GAP,
                DEFAULT_STREAMS));
  }
}
