package io.cairn.commerce.orders;

import static io.cairn.commerce.products.Catalogue.product;
import static io.cairn.commerce.products.Catalogue.products;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.products.ProductProjection;
import io.cairn.core.testing.AggregateHistory;
import io.cairn.core.testing.ProjectionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order view: given an order's events, then its status, lines and timeline. */
class OrderProjectionTest {
  private final OrderProjection views = new OrderProjection(new ProductProjection());
  private final AggregateHistory<Orders.Event, Orders.OrderState> order =
      new AggregateHistory<>(Orders.TYPE, "o-1");

  @Test
  void shouldKeepTimelineOfStatusChanges() {
    OrderView view =
        ProjectionSpec.of(views)
            .given(
                order.then(placed()),
                order.then(new Orders.OrderConfirmed()),
                order.then(new Orders.OrderShipped()))
            .view("o-1");

    assertThat(view.status()).isEqualTo(Orders.OrderStatus.SHIPPED);
    assertThat(view.timeline())
        .containsExactly(
            new OrderView.StatusChange(
                Orders.OrderStatus.PLACED, AggregateHistory.START.plusSeconds(60)),
            new OrderView.StatusChange(
                Orders.OrderStatus.CONFIRMED, AggregateHistory.START.plusSeconds(120)),
            new OrderView.StatusChange(
                Orders.OrderStatus.SHIPPED, AggregateHistory.START.plusSeconds(180)));
  }

  @Test
  void shouldShowCancelReasonAndProductNames() {
    OrderView view =
        ProjectionSpec.of(views)
            .given(order.then(placed()), order.then(new Orders.OrderCancelled("late")))
            .view("o-1");

    OrderView.Shown shown = views.render(view, products(product("p-1", "Tea", 999, "EUR")));

    assertThat(shown.status()).isEqualTo(Orders.OrderStatus.CANCELLED);
    assertThat(shown.cancelReason()).isEqualTo("late");
    assertThat(shown.customerId()).isEqualTo("cu-1");
    assertThat(shown.totalMinor()).isEqualTo(1800);
    assertThat(shown.lines())
        .containsExactly(
            new OrderView.Line("p-1", "Tea", 2, 450, 900),
            new OrderView.Line("p-2", null, 1, 900, 900));
  }

  static Orders.OrderPlaced placed() {
    return new Orders.OrderPlaced(
        "cu-1",
        "EUR",
        List.of(new Orders.OrderLine("p-1", 2, 450), new Orders.OrderLine("p-2", 1, 900)),
        1800);
  }
}
