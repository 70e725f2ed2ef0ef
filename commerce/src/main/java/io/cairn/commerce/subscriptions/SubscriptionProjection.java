package io.cairn.commerce.subscriptions;

import io.cairn.commerce.orders.OrderProjection;
import io.cairn.commerce.orders.OrderView;
import io.cairn.commerce.subscriptions.SubscriptionView.Outcome;
import io.cairn.commerce.subscriptions.SubscriptionView.Period;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionState;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionStatus;
import io.cairn.core.view.Projection;
import io.cairn.core.view.Source;
import io.cairn.core.view.SourcedEvent;
import io.cairn.core.view.ViewLookup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The subscription view, {@code /api/v1/subscriptions/{id}}: status, lines, period, when the next
 * order is placed, and each period's outcome. An ordered period shows its order's status as the
 * orders view has it when the subscription is read, so the subscription folds nothing of orders.
 */
public final class SubscriptionProjection implements Projection<SubscriptionView> {
  private final OrderProjection orders;

  /** The view, showing ordered periods' orders from the given orders view. */
  public SubscriptionProjection(OrderProjection orders) {
    this.orders = orders;
  }

  /** A customer reads its own subscriptions. */
  @Override
  public Optional<String> customerOf(String key, SubscriptionView view) {
    return Optional.ofNullable(view).map(SubscriptionView::customerId);
  }

  @Override
  public String name() {
    return "subscriptions";
  }

  @Override
  public Class<SubscriptionView> viewType() {
    return SubscriptionView.class;
  }

  @Override
  public List<Source<SubscriptionView, ?, ?>> sources() {
    return List.of(Source.of(Subscriptions.TYPE, SubscriptionProjection::evolve));
  }

  private static SubscriptionView evolve(
      SubscriptionView view, SourcedEvent<Subscriptions.Event, SubscriptionState> event) {
    SubscriptionState s = event.state();
    List<Period> periods = new ArrayList<>(view == null ? List.of() : view.periods());
    int ordered = view == null ? 0 : view.ordered();
    int skipped = view == null ? 0 : view.skipped();
    int failed = view == null ? 0 : view.failed();
    switch (event.event()) {
      case Subscriptions.PeriodStarted started -> {
        periods.addFirst(new Period(started.period(), started.dueAt(), Outcome.ORDERED, null));
        ordered++;
      }
      case Subscriptions.PeriodSkipped skip -> {
        periods.addFirst(new Period(skip.period(), skip.dueAt(), Outcome.SKIPPED, null));
        skipped++;
      }
      case Subscriptions.PeriodFailed failure -> {
        periods.replaceAll(
            p ->
                p.period() == failure.period()
                    ? new Period(p.period(), p.dueAt(), Outcome.FAILED, failure.reason())
                    : p);
        ordered--;
        failed++;
      }
      case Subscriptions.Subscribed subscribed -> {}
      case Subscriptions.LinesChanged changed -> {}
      case Subscriptions.SubscriptionPaused paused -> {}
      case Subscriptions.SubscriptionResumed resumed -> {}
      case Subscriptions.SubscriptionCancelled cancelled -> {}
    }
    return new SubscriptionView(
        event.aggregateId(),
        s.customerId(),
        s.status(),
        s.lines(),
        s.every(),
        nextRunAt(s, event.createdAt()),
        ordered,
        skipped,
        failed,
        periods.subList(0, Math.min(periods.size(), SubscriptionView.KEPT_PERIODS)),
        event.createdAt(),
        event.occurredAt());
  }

  /** The first period is due on subscribing, each next one a period after the one before. */
  private static Instant nextRunAt(SubscriptionState s, Instant subscribedAt) {
    if (s.status() != SubscriptionStatus.ACTIVE) {
      return null;
    }
    return s.lastDueAt() == null ? subscribedAt : s.lastDueAt().plus(s.period());
  }

  @Override
  public Class<SubscriptionView.Shown> shownType() {
    return SubscriptionView.Shown.class;
  }

  @Override
  public SubscriptionView.Shown render(SubscriptionView view, ViewLookup views) {
    return new SubscriptionView.Shown(
        view.id(),
        view.customerId(),
        view.status(),
        view.lines(),
        view.every(),
        view.nextRunAt(),
        view.ordered(),
        view.skipped(),
        view.failed(),
        view.periods().stream().map(period -> shown(view.id(), period, views)).toList(),
        view.createdAt(),
        view.updatedAt());
  }

  private SubscriptionView.ShownPeriod shown(String id, Period period, ViewLookup views) {
    if (period.outcome() != Outcome.ORDERED) {
      return new SubscriptionView.ShownPeriod(
          period.period(),
          period.dueAt(),
          period.outcome(),
          null,
          null,
          null,
          null,
          period.reason());
    }
    String orderId = Subscriptions.orderId(id, period.period());
    Optional<OrderView> order = views.find(orders, orderId);
    return new SubscriptionView.ShownPeriod(
        period.period(),
        period.dueAt(),
        period.outcome(),
        orderId,
        order.map(OrderView::status).orElse(null),
        order.map(OrderView::totalMinor).orElse(null),
        order.map(OrderView::currency).filter(c -> !c.isEmpty()).orElse(null),
        order.map(OrderView::cancelReason).orElse(null));
  }
}
