package io.cairn.commerce.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cairn.commerce.orders.OrderProjection;
import io.cairn.commerce.orders.OrderView;
import io.cairn.commerce.orders.Orders;
import io.cairn.commerce.products.ProductProjection;
import io.cairn.commerce.subscriptions.SubscriptionView.Outcome;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionLine;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionStatus;
import io.cairn.core.testing.AggregateHistory;
import io.cairn.core.testing.ProjectionSpec;
import io.cairn.core.view.Projection;
import io.cairn.core.view.ViewLookup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The subscription view and a customer's list of them, given subscriptions' events. */
class SubscriptionProjectionTest {
  private static final List<SubscriptionLine> LINES = List.of(new SubscriptionLine("soup", 2));
  private final OrderProjection orders = new OrderProjection(new ProductProjection());
  private final SubscriptionProjection subscriptions = new SubscriptionProjection(orders);
  private final AggregateHistory<Subscriptions.Event, Subscriptions.SubscriptionState> history =
      new AggregateHistory<>(Subscriptions.TYPE, "sub");
  private final AggregateHistory.Happened<Subscriptions.Event, Subscriptions.SubscriptionState>
      subscribed = history.then(new Subscriptions.Subscribed("ann", LINES, "PT1H", null));
  private final Instant at = subscribed.event().occurredAt();

  @Test
  void theNextRunIsAtOnceThenAPeriodAfterTheLatestAndNoneWhilePaused() {
    assertThat(ProjectionSpec.of(subscriptions).given(subscribed).view("sub").nextRunAt())
        .isEqualTo(at);
    var started = history.then(new Subscriptions.PeriodStarted(1, at));
    assertThat(ProjectionSpec.of(subscriptions).given(subscribed, started).view("sub").nextRunAt())
        .isEqualTo(at.plus(Duration.ofHours(1)));
    var paused = history.then(new Subscriptions.SubscriptionPaused());
    SubscriptionView view =
        ProjectionSpec.of(subscriptions).given(subscribed, started, paused).view("sub");
    assertThat(view.nextRunAt()).isNull();
    assertThat(view.status()).isEqualTo(SubscriptionStatus.PAUSED);
  }

  @Test
  void periodsAreListedNewestFirstWithTheirOrdersAsTheyAreNow() {
    Instant second = at.plus(Duration.ofHours(1));
    Instant third = second.plus(Duration.ofHours(1));
    SubscriptionView view =
        ProjectionSpec.of(subscriptions)
            .given(
                subscribed,
                history.then(new Subscriptions.PeriodStarted(1, at)),
                history.then(new Subscriptions.SubscriptionPaused()),
                history.then(new Subscriptions.PeriodSkipped(2, second)),
                history.then(new Subscriptions.SubscriptionResumed()),
                history.then(new Subscriptions.PeriodStarted(3, third)),
                history.then(new Subscriptions.PeriodFailed(3, "cart_checked_out")))
            .view("sub");
    assertThat(view)
        .extracting(SubscriptionView::ordered, SubscriptionView::skipped, SubscriptionView::failed)
        .containsExactly(1, 1, 1);
    AggregateHistory<Orders.Event, Orders.OrderState> order =
        new AggregateHistory<>(Orders.TYPE, "sub-1");
    OrderView placed =
        ProjectionSpec.of(orders)
            .given(
                order.then(
                    new Orders.OrderPlaced(
                        "ann", "EUR", List.of(new Orders.OrderLine("soup", 2, 450)), 900)),
                order.then(new Orders.OrderConfirmed()))
            .view("sub-1");

    SubscriptionView.Shown shown = subscriptions.render(view, lookup(Map.of("sub-1", placed)));

    assertThat(shown.periods())
        .extracting(
            SubscriptionView.ShownPeriod::period,
            SubscriptionView.ShownPeriod::outcome,
            SubscriptionView.ShownPeriod::orderId,
            SubscriptionView.ShownPeriod::orderStatus,
            SubscriptionView.ShownPeriod::totalMinor,
            SubscriptionView.ShownPeriod::reason)
        .containsExactly(
            tuple(3, Outcome.FAILED, null, null, null, "cart_checked_out"),
            tuple(2, Outcome.SKIPPED, null, null, null, null),
            tuple(1, Outcome.ORDERED, "sub-1", Orders.OrderStatus.CONFIRMED, 900L, null));
  }

  @Test
  void aCustomerListsTheirSubscriptionsNewestFirst() {
    var other =
        new AggregateHistory<Subscriptions.Event, Subscriptions.SubscriptionState>(
            Subscriptions.TYPE, "later", at.plus(Duration.ofDays(1)));
    List<CustomerSubscriptionRow> rows =
        ProjectionSpec.of(new CustomerSubscriptionsProjection())
            .given(
                subscribed,
                other.then(new Subscriptions.Subscribed("ann", LINES, "P7D", null)),
                history.then(new Subscriptions.SubscriptionCancelled()))
            .rows("ann");
    assertThat(rows)
        .extracting(CustomerSubscriptionRow::subscriptionId, CustomerSubscriptionRow::status)
        .containsExactly(
            tuple("later", SubscriptionStatus.ACTIVE), tuple("sub", SubscriptionStatus.CANCELLED));
  }

  private static ViewLookup lookup(Map<String, OrderView> orders) {
    return new ViewLookup() {
      @Override
      public <T> Optional<T> find(Projection<T> view, String id) {
        return Optional.ofNullable(orders.get(id)).map(view.viewType()::cast);
      }
    };
  }
}
