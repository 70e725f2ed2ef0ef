package io.cairn.commerce.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.orders.Orders;
import io.cairn.core.testing.AggregateHistory;
import io.cairn.core.testing.ProjectionSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The customer view: given a customer's events and their orders' events, then the profile. */
class CustomerProjectionTest {
  private final CustomerProjection views = new CustomerProjection();
  private final AggregateHistory<Customers.Event, Customers.CustomerState> customer =
      new AggregateHistory<>(Customers.TYPE, "cu-1");

  @Test
  void shouldShowProfileAndPointsBalance() {
    CustomerView view =
        ProjectionSpec.of(views)
            .given(
                customer.then(new Customers.CustomerRegistered("Ada", "ada@example.org")),
                customer.then(new Customers.PointsAwarded(100, "welcome")),
                customer.then(new Customers.PointsRedeemed(30, "coffee")),
                customer.then(new Customers.ProfileChanged("Ada L.", "ada@example.org")))
            .view("cu-1");

    assertThat(view)
        .isEqualTo(
            new CustomerView(
                "cu-1",
                "Ada L.",
                "ada@example.org",
                70,
                0,
                List.of(),
                0,
                0,
                new CustomerView.Connections(0, List.of())));
    assertThat(views.exists(view)).isTrue();
  }

  @Test
  void shouldCountOrdersAndSpendWithoutCancelledOnes() {
    AggregateHistory<Orders.Event, Orders.OrderState> first =
        new AggregateHistory<>(Orders.TYPE, "o-1");
    AggregateHistory<Orders.Event, Orders.OrderState> second =
        new AggregateHistory<>(Orders.TYPE, "o-2");
    AggregateHistory<Orders.Event, Orders.OrderState> third =
        new AggregateHistory<>(Orders.TYPE, "o-3");

    CustomerView view =
        ProjectionSpec.of(views)
            .given(
                customer.then(new Customers.CustomerRegistered("Ada", "ada@example.org")),
                first.then(placed("EUR", 1000)),
                second.then(placed("EUR", 500)),
                third.then(placed("USD", 700)),
                first.then(new Orders.OrderConfirmed()),
                second.then(new Orders.OrderCancelled("changed my mind")))
            .view("cu-1");

    assertThat(view.orderCount()).isEqualTo(3);
    assertThat(view.lifetimeSpend())
        .containsExactly(new CustomerView.Spend("EUR", 1000), new CustomerView.Spend("USD", 700));
  }

  @Test
  void shouldHideCustomerKnownOnlyFromOrders() {
    AggregateHistory<Orders.Event, Orders.OrderState> order =
        new AggregateHistory<>(Orders.TYPE, "o-1");

    CustomerView view =
        ProjectionSpec.of(views).given(order.then(placed("EUR", 1000))).view("cu-1");

    assertThat(view.orderCount()).isEqualTo(1);
    assertThat(views.exists(view)).isFalse();
  }

  @Test
  void shouldFileOrderEventsUnderTheOrdersCustomer() {
    AggregateHistory<Orders.Event, Orders.OrderState> order =
        new AggregateHistory<>(Orders.TYPE, "o-1");
    order.then(placed("EUR", 1000));

    assertThat(
            CustomerOrdersProjection.BY_CUSTOMER
                .of()
                .apply(order.then(new Orders.OrderShipped()).event().aggregate()))
        .isEqualTo("cu-1");
  }

  static Orders.OrderPlaced placed(String currency, long totalMinor) {
    return new Orders.OrderPlaced(
        "cu-1", currency, List.of(new Orders.OrderLine("p-1", 1, totalMinor)), totalMinor);
  }

  @Test
  void shouldCountPointsDonatedNetOfRefundsAndPointsReceived() {
    CustomerView view =
        ProjectionSpec.of(views)
            .given(
                customer.then(new Customers.CustomerRegistered("Ada", "ada@example.org")),
                customer.then(new Customers.PointsAwarded(100, "welcome")),
                customer.then(new Customers.PointsDonated("cu-2", 30)),
                customer.then(new Customers.PointsDonated("cu-9", 20)),
                customer.then(new Customers.DonationRefunded(20, "cu-1-4")),
                customer.then(new Customers.DonationReceived("cu-3", 5, "cu-3-7")))
            .view("cu-1");

    assertThat(view.points()).isEqualTo(75);
    assertThat(view.pointsDonated()).isEqualTo(30);
    assertThat(view.pointsReceived()).isEqualTo(5);
  }

  @Test
  void shouldCountConnectionsAndListTheTenLatestNewestFirst() {
    ProjectionSpec<CustomerView> spec =
        ProjectionSpec.of(views)
            .given(customer.then(new Customers.CustomerRegistered("Ada", "ada@example.org")));
    Instant start = Instant.parse("2026-12-01T00:00:00Z");
    for (int i = 0; i < 12; i++) {
      spec =
          spec.given(
              customer.then(
                  new Customers.ConnectionRecorded(
                      "officer-" + i, "officer", start.plus(Duration.ofHours(i)))));
    }

    CustomerView.Connections connections = spec.view("cu-1").connections();
    assertThat(connections.count()).isEqualTo(12);
    assertThat(connections.latest()).hasSize(10);
    assertThat(connections.latest().getFirst().withId()).isEqualTo("officer-11");
    assertThat(connections.latest().getLast().withId()).isEqualTo("officer-2");
  }
}
