package io.cairn.app.config;

import io.cairn.engine.views.ViewsSettings;
import java.time.Duration;

/**
 * How the read side keeps its views.
 *
 * @param versionsRetention how long each view's past versions are kept for queries as of an
 *     instant; an older instant is answered by folding the event history again, which only views of
 *     one entity's own events can do
 * @param standbyReplicas how many other instances keep a warm copy of each views partition, to
 *     answer queries from while its active is down or moving
 * @param commitInterval how often the views commit their exactly-once transaction; queries read the
 *     stores as they are folded, so this does not delay answers, only how much a crash makes the
 *     views fold again
 * @param lagAlert how far a view or process manager may trail the event log before it is reported
 *     out of sync
 * @param syncCheckInterval how often the views' and process managers' sync is checked
 * @param historyMaxEvents the most events a query as of an instant folds again
 * @param pauseMax how long views stay stopped for another instance's rebuild, at most
 */
public record ViewsConfig(
    Duration versionsRetention,
    int standbyReplicas,
    Duration commitInterval,
    Duration lagAlert,
    Duration syncCheckInterval,
    int historyMaxEvents,
    Duration pauseMax) {
  private static final Duration DEFAULT_PAUSE_MAX = Duration.ofHours(1);
  private static final int DEFAULT_HISTORY_MAX_EVENTS = 100_000;
  private static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);
  private static final Duration DEFAULT_LAG_ALERT = Duration.ofSeconds(5);
  private static final Duration DEFAULT_SYNC_CHECK = Duration.ofSeconds(2);

  /** Checks the values. */
  public ViewsConfig {
    if (versionsRetention.isNegative() || versionsRetention.isZero()) {
      throw new IllegalArgumentException("views.versions.retention must be positive");
    }
    if (commitInterval.isNegative() || commitInterval.isZero()) {
      throw new IllegalArgumentException("views.commit.interval must be positive");
    }
    if (lagAlert.isNegative() || lagAlert.isZero()) {
      throw new IllegalArgumentException("views.lag.alert must be positive");
    }
    if (syncCheckInterval.isNegative() || syncCheckInterval.isZero()) {
      throw new IllegalArgumentException("views.sync.check.interval must be positive");
    }
    if (pauseMax.isNegative() || pauseMax.isZero()) {
      throw new IllegalArgumentException("views.pause.max must be positive");
    }
  }

  static ViewsConfig read(Settings settings) {
    Duration retention =
        settings.duration(
            "views.versions.retention",
            Duration.ofDays(7),
            "How long views keep their past versions for ?asOf= queries; older instants are"
                + " folded again from the event history where a view allows it.");
    int standbys =
        settings.integer(
            "views.standby.replicas",
            1,
            0,
            8,
            "Warm copies of each views partition on other instances, which answer queries while"
                + " the active is down or moving; none can be placed while one instance runs.");
    Duration commitInterval =
        settings.duration(
            "views.commit.interval",
            DEFAULT_COMMIT_INTERVAL,
            "Exactly-once commit interval of the views: queries read the views as they are"
                + " folded, so a longer one costs no freshness, and fewer transactions.");
    Duration lagAlert =
        settings.duration(
            "views.lag.alert",
            DEFAULT_LAG_ALERT,
            "How far a view or process manager may trail the event log before it is out of sync:"
                + " logged at WARN, shown under sync on /health/ready and in the metrics.");
    Duration syncCheck =
        settings.duration(
            "views.sync.check.interval",
            DEFAULT_SYNC_CHECK,
            "How often the views' and process managers' sync is checked; each check reads the"
                + " Streams metrics, some 10 ms of CPU.");
    int historyMaxEvents =
        settings.integer(
            "queries.history.max.events",
            DEFAULT_HISTORY_MAX_EVENTS,
            1,
            10_000_000,
            "The most events an ?asOf= query folds again from an aggregate's history; a longer"
                + " one is a 422, rather than a heap filled by one request.");
    Duration pauseMax =
        settings.duration(
            "views.pause.max",
            DEFAULT_PAUSE_MAX,
            "How long views stay stopped for another instance's rebuild before they start again"
                + " unasked, answering 503 until a rebuild completes.");
    return settings
        .validated(
            "views.*",
            () ->
                new ViewsConfig(
                    retention,
                    standbys,
                    commitInterval,
                    lagAlert,
                    syncCheck,
                    historyMaxEvents,
                    pauseMax))
        .orElse(
            new ViewsConfig(
                Duration.ofDays(7),
                1,
                DEFAULT_COMMIT_INTERVAL,
                DEFAULT_LAG_ALERT,
                DEFAULT_SYNC_CHECK,
                DEFAULT_HISTORY_MAX_EVENTS,
                DEFAULT_PAUSE_MAX));
  }

  /** The settings the read side keeps its views with. */
  public ViewsSettings settings() {
    return new ViewsSettings(versionsRetention, standbyReplicas, commitInterval, pauseMax);
  }
}
