package io.cairn.commerce.customers;

import io.cairn.commerce.carts.Carts;
import io.cairn.commerce.orders.Orders;
import io.cairn.core.reaction.Send;
import io.cairn.core.testing.AggregateHistory;
import io.cairn.core.testing.PolicySpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoyaltyTest {
  private final AggregateHistory<Orders.Event, Orders.OrderState> order =
      new AggregateHistory<>(Orders.TYPE, "o1");

  @Test
  void aShippedOrderEarnsItsCustomerAPointPerWholeUnit() {
    order.then(
        new Orders.OrderPlaced("c1", "EUR", List.of(new Orders.OrderLine("p1", 3, 1_299)), 3_897));
    order.then(new Orders.OrderConfirmed());
    PolicySpec.of(Loyalty.POLICY)
        .when(order.then(new Orders.OrderShipped()))
        .thenSends(Send.to(Customers.TYPE, "c1", new Customers.AwardPoints(38, "order:o1")));
  }

  @Test
  void anOrderUnderOneUnitEarnsNothing() {
    order.then(new Orders.OrderPlaced("c1", "EUR", List.of(new Orders.OrderLine("p1", 1, 99)), 99));
    order.then(new Orders.OrderConfirmed());
    PolicySpec.of(Loyalty.POLICY).when(order.then(new Orders.OrderShipped())).thenSendsNothing();
  }

  @Test
  void placingConfirmingOrCancellingEarnsNothing() {
    PolicySpec spec = PolicySpec.of(Loyalty.POLICY);
    spec.when(
            order.then(
                new Orders.OrderPlaced(
                    "c1", "EUR", List.of(new Orders.OrderLine("p1", 1, 500)), 500)))
        .thenSendsNothing();
    spec.when(order.then(new Orders.OrderConfirmed())).thenSendsNothing();
    spec.when(order.then(new Orders.OrderCancelled("late"))).thenSendsNothing();
  }

  @Test
  void eventsOfOtherTypesEarnNothing() {
    AggregateHistory<Carts.Event, Carts.CartState> cart =
        new AggregateHistory<>(Carts.TYPE, "cart-1");
    PolicySpec.of(Loyalty.POLICY).when(cart.then(new Carts.ItemAdded("p1", 1))).thenSendsNothing();
  }
}
