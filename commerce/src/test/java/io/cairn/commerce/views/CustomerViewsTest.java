package io.cairn.commerce.views;

import static io.cairn.commerce.views.Folds.one;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.customers.Customers;
import io.cairn.commerce.orders.Orders;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The customer view: given a customer's events and their orders' events, then the profile. */
class CustomerViewsTest {
  private final CustomerViews views = new CustomerViews();
  private final History<Customers.Event, Customers.CustomerState> customer =
      new History<>("customers", "cu-1", new Customers());

  @Test
  void shouldShowProfileAndPointsBalance() {
    CustomerView view =
        one(
            views,
            "cu-1",
            customer.then(new Customers.CustomerRegistered("Ada", "ada@example.org")),
            customer.then(new Customers.PointsAwarded(100, "welcome")),
            customer.then(new Customers.PointsRedeemed(30, "coffee")),
            customer.then(new Customers.ProfileChanged("Ada L.", "ada@example.org")));

    assertThat(view)
        .isEqualTo(new CustomerView("cu-1", "Ada L.", "ada@example.org", 70, 0, List.of()));
    assertThat(views.exists(view)).isTrue();
  }

  @Test
  void shouldCountOrdersAndSpendWithoutCancelledOnes() {
    History<Orders.Event, Orders.OrderState> first = new History<>("orders", "o-1", new Orders());
    History<Orders.Event, Orders.OrderState> second = new History<>("orders", "o-2", new Orders());
    History<Orders.Event, Orders.OrderState> third = new History<>("orders", "o-3", new Orders());

    CustomerView view =
        one(
            views,
            "cu-1",
            customer.then(new Customers.CustomerRegistered("Ada", "ada@example.org")),
            first.then(placed("EUR", 1000)),
            second.then(placed("EUR", 500)),
            third.then(placed("USD", 700)),
            first.then(new Orders.OrderConfirmed()),
            second.then(new Orders.OrderCancelled("changed my mind")));

    assertThat(view.orderCount()).isEqualTo(3);
    assertThat(view.lifetimeSpend())
        .containsExactly(new CustomerView.Spend("EUR", 1000), new CustomerView.Spend("USD", 700));
  }

  @Test
  void shouldHideCustomerKnownOnlyFromOrders() {
    History<Orders.Event, Orders.OrderState> order = new History<>("orders", "o-1", new Orders());

    CustomerView view = one(views, "cu-1", order.then(placed("EUR", 1000)));

    assertThat(view.orderCount()).isEqualTo(1);
    assertThat(views.exists(view)).isFalse();
  }

  @Test
  void shouldFileOrderEventsUnderTheOrdersCustomer() {
    History<Orders.Event, Orders.OrderState> order = new History<>("orders", "o-1", new Orders());
    order.then(placed("EUR", 1000));

    assertThat(CustomerOrderViews.BY_CUSTOMER.of().apply(order.then(new Orders.OrderShipped())))
        .isEqualTo("cu-1");
  }

  static Orders.OrderPlaced placed(String currency, long totalMinor) {
    return new Orders.OrderPlaced(
        "cu-1", currency, List.of(new Orders.OrderLine("p-1", 1, totalMinor)), totalMinor);
  }
}
