package io.cairn.commerce.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.core.reaction.Publication.IntegrationEvent;
import io.cairn.core.testing.AggregateHistory;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderPublicationTest {
  private final AggregateHistory<Orders.Event, Orders.OrderState> order =
      new AggregateHistory<>(Orders.TYPE, "o1");

  @Test
  void everyStatusChangeIsPublishedWithTheOrdersFacts() {
    assertThat(publish(order.then(placed())))
        .contains(
            new IntegrationEvent(
                OrderPublication.PLACED,
                "o1",
                new OrderPublication.OrderStatusChanged("o1", "c1", "PLACED", 900, "EUR", null)));
    assertThat(publish(order.then(new Orders.OrderCancelled("late"))))
        .contains(
            new IntegrationEvent(
                OrderPublication.CANCELLED,
                "o1",
                new OrderPublication.OrderStatusChanged(
                    "o1", "c1", "CANCELLED", 900, "EUR", "late")));
  }

  private static Orders.OrderPlaced placed() {
    return new Orders.OrderPlaced("c1", "EUR", List.of(new Orders.OrderLine("p1", 2, 450)), 900);
  }

  private static Optional<IntegrationEvent> publish(
      AggregateHistory.Happened<Orders.Event, Orders.OrderState> happened) {
    return OrderPublication.PUBLICATION.publish(
        "orders", happened.event().event(), happened.event().aggregate());
  }
}
