package io.cairn.commerce.subscriptions;

import static io.cairn.core.aggregate.Decision.accept;
import static io.cairn.core.aggregate.Decision.reject;
import static io.cairn.core.aggregate.Decision.unchanged;

import io.cairn.commerce.subscriptions.Subscriptions.Cancel;
import io.cairn.commerce.subscriptions.Subscriptions.ChangeLines;
import io.cairn.commerce.subscriptions.Subscriptions.Command;
import io.cairn.commerce.subscriptions.Subscriptions.Event;
import io.cairn.commerce.subscriptions.Subscriptions.FailPeriod;
import io.cairn.commerce.subscriptions.Subscriptions.LinesChanged;
import io.cairn.commerce.subscriptions.Subscriptions.Pause;
import io.cairn.commerce.subscriptions.Subscriptions.PeriodFailed;
import io.cairn.commerce.subscriptions.Subscriptions.PeriodSkipped;
import io.cairn.commerce.subscriptions.Subscriptions.PeriodStarted;
import io.cairn.commerce.subscriptions.Subscriptions.Resume;
import io.cairn.commerce.subscriptions.Subscriptions.StartPeriod;
import io.cairn.commerce.subscriptions.Subscriptions.Subscribe;
import io.cairn.commerce.subscriptions.Subscriptions.Subscribed;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionCancelled;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionLine;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionPaused;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionResumed;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionState;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionStatus;
import io.cairn.core.aggregate.Decision;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What each command does to a subscription (or, for Subscribe, to none yet). */
final class SubscriptionRules {
  private final Duration minInterval;

  SubscriptionRules(Duration minInterval) {
    this.minInterval = minInterval;
  }

  Decision<Event> decide(Command command, SubscriptionState subscription) {
    return switch (command) {
      case Subscribe subscribe -> subscribe(subscribe, subscription);
      case ChangeLines change -> changeLines(change, subscription);
      case Pause pause ->
          ifNotCancelled(
              subscription,
              subscription.status() == SubscriptionStatus.PAUSED
                  ? unchanged()
                  : accept(new SubscriptionPaused()));
      case Resume resume ->
          ifNotCancelled(
              subscription,
              subscription.status() == SubscriptionStatus.ACTIVE
                  ? unchanged()
                  : accept(new SubscriptionResumed()));
      case Cancel cancel ->
          subscription.status() == SubscriptionStatus.CANCELLED
              ? unchanged()
              : accept(new SubscriptionCancelled());
      case StartPeriod start -> startPeriod(start, subscription);
      case FailPeriod fail ->
          fail.period() < 1 || fail.period() > subscription.periods()
              ? reject("period_not_started", "Period " + fail.period() + " has not started.")
              : accept(new PeriodFailed(fail.period(), fail.reason()));
    };
  }

  private Decision<Event> subscribe(Subscribe subscribe, SubscriptionState subscription) {
    if (subscription != null) {
      return reject("already_subscribed", "The subscription exists already.");
    }
    Decision<Event> badLines = checkLines(subscribe.lines());
    if (badLines != null) {
      return badLines;
    }
    Duration every;
    try {
      every = Duration.parse(subscribe.every());
    } catch (DateTimeParseException e) {
      return reject("invalid_interval", "A period is an ISO-8601 duration such as P7D or PT12H.");
    }
    if (every.compareTo(minInterval) < 0) {
      return reject(
          "interval_too_short",
          "A period is at least " + minInterval + ", not " + every + ".",
          Map.of("min", minInterval.toString(), "every", every.toString()));
    }
    return accept(
        new Subscribed(
            subscribe.customerId(),
            subscribe.lines(),
            subscribe.every(),
            subscribe.paymentToken()));
  }

  private static Decision<Event> changeLines(ChangeLines change, SubscriptionState subscription) {
    Decision<Event> badLines = checkLines(change.lines());
    if (badLines != null) {
      return badLines;
    }
    return ifNotCancelled(
        subscription,
        change.lines().equals(subscription.lines())
            ? unchanged()
            : accept(new LinesChanged(change.lines())));
  }

  private static Decision<Event> startPeriod(StartPeriod start, SubscriptionState subscription) {
    if (subscription.lastDueAt() != null && !start.dueAt().isAfter(subscription.lastDueAt())) {
      return reject(
          "period_already_started",
          "The period due at " + subscription.lastDueAt() + " has started; this one is not later.");
    }
    int period = subscription.periods() + 1;
    return ifNotCancelled(
        subscription,
        subscription.status() == SubscriptionStatus.PAUSED
            ? accept(new PeriodSkipped(period, start.dueAt()))
            : accept(new PeriodStarted(period, start.dueAt())));
  }

  private static Decision<Event> ifNotCancelled(
      SubscriptionState subscription, Decision<Event> decision) {
    return subscription.status() == SubscriptionStatus.CANCELLED
        ? reject("subscription_cancelled", "The subscription is cancelled.")
        : decision;
  }

  /** Lines are one or more, each of a different product and at least one unit. */
  private static Decision<Event> checkLines(List<SubscriptionLine> lines) {
    if (lines == null || lines.isEmpty()) {
      return reject("invalid_lines", "A subscription orders at least one line.");
    }
    Set<String> products = new HashSet<>();
    for (SubscriptionLine line : lines) {
      if (line.quantity() < 1) {
        return reject("invalid_quantity", "A quantity is at least 1.");
      }
      if (!products.add(line.productId())) {
        return reject(
            "duplicate_product", "Product " + line.productId() + " is on more than one line.");
      }
    }
    return null;
  }
}
