package io.cairn.app.config;

import io.cairn.commerce.subscriptions.Subscriptions;
import java.time.Duration;

/**
 * How the reactions run: how long ended processes stay to be looked at, and the commerce domain's
 * own time limits.
 *
 * @param processRetention how long a process that has ended is kept for its endpoint
 * @param inboxRetention how long an inbox remembers the source and id of an event it applied, so
 *     that the same event sent again is passed over
 * @param shipWithin how long a confirmed order may wait to ship before it is cancelled
 * @param subscriptionMinInterval the shortest period a subscription may have
 */
public record ReactionsConfig(
    Duration processRetention,
    Duration inboxRetention,
    Duration shipWithin,
    Duration subscriptionMinInterval) {
  private static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
  private static final Duration DEFAULT_SHIP_WITHIN = Duration.ofDays(14);

  /** Checks the values. */
  public ReactionsConfig {
    if (processRetention.isNegative() || processRetention.isZero()) {
      throw new IllegalArgumentException("processes.retention must be positive");
    }
    if (inboxRetention.isNegative() || inboxRetention.isZero()) {
      throw new IllegalArgumentException("inbox.dedup.retention must be positive");
    }
    if (shipWithin.isNegative() || shipWithin.isZero()) {
      throw new IllegalArgumentException("orders.ship.within must be positive");
    }
    if (subscriptionMinInterval.isNegative() || subscriptionMinInterval.isZero()) {
      throw new IllegalArgumentException("subscriptions.min.interval must be positive");
    }
  }

  static ReactionsConfig read(Settings settings) {
    Duration retention =
        settings.duration(
            "processes.retention",
            DEFAULT_RETENTION,
            "How long a process that has ended stays readable at /api/v1/processes.");
    Duration inboxRetention =
        settings.duration(
            "inbox.dedup.retention",
            DEFAULT_RETENTION,
            "How long an inbox remembers the CloudEvents it applied, by source and id: the same"
                + " event sent again within it is applied once.");
    Duration shipWithin =
        settings.duration(
            "orders.ship.within",
            DEFAULT_SHIP_WITHIN,
            "How long a confirmed order may wait to ship before the shipping-deadline process"
                + " cancels it (not_shipped_in_time).");
    Duration minInterval =
        settings.duration(
            "subscriptions.min.interval",
            Subscriptions.DEFAULT_MIN_INTERVAL,
            "The shortest period a subscription may have (interval_too_short below it); each"
                + " period places an order.");
    return settings
        .validated(
            "processes.retention, inbox.dedup.retention, orders.ship.within,"
                + " subscriptions.min.interval",
            () -> new ReactionsConfig(retention, inboxRetention, shipWithin, minInterval))
        .orElse(
            new ReactionsConfig(
                DEFAULT_RETENTION,
                DEFAULT_RETENTION,
                DEFAULT_SHIP_WITHIN,
                Subscriptions.DEFAULT_MIN_INTERVAL));
  }
}
