package io.cairn.commerce.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.orders.Orders.CancelOrder;
import io.cairn.commerce.orders.Orders.ConfirmOrder;
import io.cairn.commerce.orders.Orders.OrderCancelled;
import io.cairn.commerce.orders.Orders.OrderConfirmed;
import io.cairn.commerce.orders.Orders.OrderLine;
import io.cairn.commerce.orders.Orders.OrderPlaced;
import io.cairn.commerce.orders.Orders.OrderShipped;
import io.cairn.commerce.orders.Orders.OrderStatus;
import io.cairn.commerce.orders.Orders.PlaceOrder;
import io.cairn.commerce.orders.Orders.ShipOrder;
import io.cairn.core.testing.DeciderSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrdersTest {
  private static final OrderPlaced PLACED =
      new OrderPlaced(
          "c1", "EUR", List.of(new OrderLine("p1", 2, 450), new OrderLine("p2", 1, 1000)), 1900);
  private final DeciderSpec<Orders.Command, Orders.Event, Orders.OrderState> order =
      DeciderSpec.of(new Orders());

  @Test
  void shouldPlaceOrderWithItsTotal() {
    order
        .when(
            new PlaceOrder(
                "c1", "EUR", List.of(new OrderLine("p1", 2, 450), new OrderLine("p2", 1, 1000))))
        .thenEvents(PLACED);
  }

  @Test
  void shouldRejectPlaceOrderWhenAlreadyPlaced() {
    order
        .given(PLACED)
        .when(new PlaceOrder("c1", "EUR", List.of(new OrderLine("p1", 1, 1))))
        .thenRejected("already_placed");
  }

  @Test
  void shouldRejectPlaceOrderWhenOrderEmpty() {
    order.when(new PlaceOrder("c1", "EUR", List.of())).thenRejected("order_empty");
  }

  @Test
  void shouldRejectLinesThatCannotBeTotalled() {
    order
        .when(new PlaceOrder("c1", "EUR", List.of(new OrderLine("p1", 0, 1))))
        .thenRejected("invalid_line");
    order
        .when(
            new PlaceOrder(
                "c1", "EUR", List.of(new OrderLine("p1", Integer.MAX_VALUE, Long.MAX_VALUE / 2))))
        .thenRejected("order_total_too_large");
  }

  @Test
  void shouldRejectEveryCommandButPlaceWhenOrderNotFound() {
    order.when(new ConfirmOrder()).thenRejected("order_not_found");
    order.when(new CancelOrder("changed my mind")).thenRejected("order_not_found");
    order.when(new ShipOrder()).thenRejected("order_not_found");
  }

  @Test
  void shouldConfirmThenShip() {
    order.given(PLACED).when(new ConfirmOrder()).thenEvents(new OrderConfirmed());
    order.given(PLACED, new OrderConfirmed()).when(new ShipOrder()).thenEvents(new OrderShipped());
    assertThat(order.given(PLACED, new OrderConfirmed(), new OrderShipped()).state().status())
        .isEqualTo(OrderStatus.SHIPPED);
  }

  @Test
  void shouldRejectShipOrderWhenOrderNotConfirmed() {
    order.given(PLACED).when(new ShipOrder()).thenRejected("order_not_confirmed");
  }

  @Test
  void shouldCancelUntilShipped() {
    order.given(PLACED).when(new CancelOrder("late")).thenEvents(new OrderCancelled("late"));
    order
        .given(PLACED, new OrderConfirmed())
        .when(new CancelOrder("late"))
        .thenEvents(new OrderCancelled("late"));
    order.given(PLACED, new OrderCancelled("late")).when(new CancelOrder("again")).thenUnchanged();
  }

  @Test
  void shouldRejectCancelOrderWhenOrderShipped() {
    order
        .given(PLACED, new OrderConfirmed(), new OrderShipped())
        .when(new CancelOrder("late"))
        .thenRejected("order_shipped");
  }

  @Test
  void shouldNotConfirmOrShipCancelledOrder() {
    var cancelled = order.given(PLACED, new OrderCancelled("late"));

    cancelled.when(new ConfirmOrder()).thenRejected("order_cancelled");
    cancelled.when(new ShipOrder()).thenRejected("order_cancelled");
  }

  @Test
  void shouldRecordARefusedCheckoutAsACancelledOrderThatNothingMoves() {
    order
        .when(new Orders.RefuseOrder("c1", "product_unavailable"))
        .thenEvents(new Orders.OrderRefused("c1", "product_unavailable"));
    var refused = order.given(new Orders.OrderRefused("c1", "product_unavailable")).state();
    assertThat(refused.status()).isEqualTo(Orders.OrderStatus.CANCELLED);
    assertThat(refused.cancelReason()).isEqualTo("product_unavailable");
    order
        .given(new Orders.OrderRefused("c1", "mixed_currencies"))
        .when(new ConfirmOrder())
        .thenRejected("order_cancelled");
    order.given(PLACED).when(new Orders.RefuseOrder("c1", "x")).thenRejected("already_placed");
  }
}
