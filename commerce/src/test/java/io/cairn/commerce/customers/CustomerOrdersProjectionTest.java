package io.cairn.commerce.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.orders.Orders;
import io.cairn.core.testing.AggregateHistory;
import io.cairn.core.testing.ProjectionSpec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A customer's order list: given their orders' events, then one row per order, newest first. */
class CustomerOrdersProjectionTest {
  private final CustomerOrdersProjection views = new CustomerOrdersProjection();

  @Test
  void shouldListOrdersNewestFirstWithCurrentStatus() {
    AggregateHistory<Orders.Event, Orders.OrderState> older =
        new AggregateHistory<>(Orders.TYPE, "o-9", Instant.parse("2026-11-01T08:00:00Z"));
    AggregateHistory<Orders.Event, Orders.OrderState> newer =
        new AggregateHistory<>(Orders.TYPE, "o-1", Instant.parse("2026-11-02T08:00:00Z"));

    var list =
        ProjectionSpec.of(views)
            .given(
                older.then(CustomerProjectionTest.placed("EUR", 1000)),
                newer.then(CustomerProjectionTest.placed("EUR", 500)),
                older.then(new Orders.OrderConfirmed()),
                older.then(new Orders.OrderShipped()))
            .rows("cu-1");

    assertThat(list).extracting(CustomerOrderRow::orderId).containsExactly("o-1", "o-9");
    assertThat(list.get(1).status()).isEqualTo(Orders.OrderStatus.SHIPPED);
    assertThat(list.get(1).placedAt()).isEqualTo(Instant.parse("2026-11-01T08:01:00Z"));
    assertThat(list.get(1).totalMinor()).isEqualTo(1000);
  }
}
