package io.cairn.commerce.views;

import static io.cairn.commerce.views.Folds.one;
import static io.cairn.commerce.views.Folds.product;
import static io.cairn.commerce.views.Folds.products;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.orders.Orders;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order view: given an order's events, then its status, lines and timeline. */
class OrderViewsTest {
  private final OrderViews views = new OrderViews(new ProductViews());
  private final History<Orders.Event, Orders.OrderState> order =
      new History<>("orders", "o-1", new Orders());

  @Test
  void shouldKeepTimelineOfStatusChanges() {
    OrderView view =
        one(
            views,
            "o-1",
            order.then(placed()),
            order.then(new Orders.OrderConfirmed()),
            order.then(new Orders.OrderShipped()));

    assertThat(view.status()).isEqualTo(Orders.OrderStatus.SHIPPED);
    assertThat(view.timeline())
        .containsExactly(
            new OrderView.StatusChange(Orders.OrderStatus.PLACED, History.START.plusSeconds(60)),
            new OrderView.StatusChange(
                Orders.OrderStatus.CONFIRMED, History.START.plusSeconds(120)),
            new OrderView.StatusChange(Orders.OrderStatus.SHIPPED, History.START.plusSeconds(180)));
  }

  @Test
  void shouldShowCancelReasonAndProductNames() {
    OrderView view =
        one(views, "o-1", order.then(placed()), order.then(new Orders.OrderCancelled("late")));

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
