package io.cairn.commerce.views;

import static io.cairn.commerce.views.Folds.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.orders.Orders;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A customer's order list: given their orders' events, then one row per order, newest first. */
class CustomerOrderViewsTest {
  private final CustomerOrderViews views = new CustomerOrderViews();

  @Test
  void shouldListOrdersNewestFirstWithCurrentStatus() {
    History<Orders.Event, Orders.OrderState> older =
        new History<>("orders", "o-9", new Orders(), Instant.parse("2026-11-01T08:00:00Z"));
    History<Orders.Event, Orders.OrderState> newer =
        new History<>("orders", "o-1", new Orders(), Instant.parse("2026-11-02T08:00:00Z"));

    var list =
        rows(
            views,
            "cu-1",
            older.then(CustomerViewsTest.placed("EUR", 1000)),
            newer.then(CustomerViewsTest.placed("EUR", 500)),
            older.then(new Orders.OrderConfirmed()),
            older.then(new Orders.OrderShipped()));

    assertThat(list).extracting(CustomerOrderRow::orderId).containsExactly("o-1", "o-9");
    assertThat(list.get(1).status()).isEqualTo(Orders.OrderStatus.SHIPPED);
    assertThat(list.get(1).placedAt()).isEqualTo(Instant.parse("2026-11-01T08:01:00Z"));
    assertThat(list.get(1).totalMinor()).isEqualTo(1000);
  }
}
