package io.cairn.commerce.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.core.reaction.Input;
import io.cairn.core.reaction.ProcessManager;
import io.cairn.core.reaction.ProcessStatus;
import io.cairn.core.reaction.Send;
import io.cairn.core.testing.AggregateHistory;
import io.cairn.core.testing.ProcessSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShippingDeadlineTest {
  private static final Duration WITHIN = Duration.ofDays(3);
  private final ProcessManager<ShippingDeadline.Watch, ShippingDeadline.Message> manager =
      ShippingDeadline.manager(WITHIN);
  private final AggregateHistory<Orders.Event, Orders.OrderState> order =
      new AggregateHistory<>(Orders.TYPE, "o1");
  private final AggregateHistory.Happened<Orders.Event, Orders.OrderState> placed =
      order.then(
          new Orders.OrderPlaced("c1", "EUR", List.of(new Orders.OrderLine("p1", 1, 500)), 500));
  private final AggregateHistory.Happened<Orders.Event, Orders.OrderState> confirmed =
      order.then(new Orders.OrderConfirmed());
  private final Instant shipBy = confirmed.event().occurredAt().plus(WITHIN);

  @Test
  void aConfirmedOrderIsWatchedUntilItsShipByTime() {
    ProcessSpec.of(manager, "o1")
        .when(confirmed)
        .thenSends()
        .thenSchedules(ShippingDeadline.SHIP_BY, shipBy)
        .thenStatus(ProcessStatus.RUNNING)
        .thenState(new ShippingDeadline.Watch("o1", shipBy, false));
  }

  @Test
  void placingAnOrderStartsNoWatch() {
    assertThat(manager.route("orders", placed.event().event(), placed.event().aggregate()))
        .isEmpty();
  }

  @Test
  void shippingInTimeCompletesTheWatchAndCancelsTheDeadline() {
    ProcessSpec.of(manager, "o1")
        .given(confirmed)
        .when(order.then(new Orders.OrderShipped()))
        .thenSends()
        .thenCancels(ShippingDeadline.SHIP_BY)
        .thenStatus(ProcessStatus.COMPLETED);
  }

  @Test
  void anOrderNotShippedByTheDeadlineIsCancelled() {
    ProcessSpec.of(manager, "o1")
        .given(confirmed)
        .when(Input.deadline(ShippingDeadline.SHIP_BY, shipBy))
        .thenSends(Send.to(Orders.TYPE, "o1", new Orders.CancelOrder(ShippingDeadline.NOT_SHIPPED)))
        .thenStatus(ProcessStatus.RUNNING);
  }

  @Test
  void theAcceptedCancellationCompensatesTheOrder() {
    ProcessSpec.of(manager, "o1")
        .given(confirmed, Input.deadline(ShippingDeadline.SHIP_BY, shipBy))
        .when(Input.accepted("CancelOrder", shipBy))
        .thenStatus(ProcessStatus.COMPENSATED);
  }

  @Test
  void aCancellationRefusedBecauseTheOrderShippedMeanwhileCompletesTheWatch() {
    ProcessSpec.of(manager, "o1")
        .given(confirmed, Input.deadline(ShippingDeadline.SHIP_BY, shipBy))
        .when(Input.rejected("CancelOrder", "order_shipped", shipBy))
        .thenSends()
        .thenStatus(ProcessStatus.COMPLETED);
  }

  @Test
  void anOrderThatShipsUnwatchedStartsNothing() {
    AggregateHistory<Orders.Event, Orders.OrderState> old =
        new AggregateHistory<>(Orders.TYPE, "o2");
    old.then(new Orders.OrderPlaced("c1", "EUR", List.of(), 0));
    ProcessSpec.of(manager, "o2")
        .when(old.then(new Orders.OrderCancelled("late")))
        .thenSends()
        .thenStatus(ProcessStatus.RUNNING)
        .thenState(null);
  }

  @Test
  void anEndedWatchAnswersNothingMore() {
    ProcessSpec.of(manager, "o1")
        .given(confirmed, order.then(new Orders.OrderShipped()))
        .when(Input.deadline(ShippingDeadline.SHIP_BY, shipBy))
        .thenSends()
        .thenStatus(ProcessStatus.COMPLETED);
  }
}
