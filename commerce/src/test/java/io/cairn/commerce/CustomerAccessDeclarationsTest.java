package io.cairn.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.carts.Carts;
import io.cairn.commerce.customers.CustomerOrdersProjection;
import io.cairn.commerce.customers.CustomerProjection;
import io.cairn.commerce.customers.Customers;
import io.cairn.commerce.orders.OrderProjection;
import io.cairn.commerce.orders.Orders;
import io.cairn.commerce.products.ProductProjection;
import io.cairn.commerce.subscriptions.CustomerSubscriptionsProjection;
import io.cairn.commerce.subscriptions.Subscriptions;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.aggregate.CustomerAccess;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the domain lets a customer do for itself: its profile, the checkout of a cart for itself,
 * its subscriptions; and what it may read: its profile, orders, subscriptions, and nothing else.
 */
class CustomerAccessDeclarationsTest {
  private static final Customers.CustomerState ALICE =
      new Customers.CustomerState("Alice", "alice@example.com", 10);

  @Test
  void shouldLetACustomerChangeItsProfileButNotAwardItselfPoints() {
    CustomerAccess<Customers.Command, Customers.CustomerState> access = access(Customers.TYPE);

    assertThat(access.maySend("alice", "alice", new Customers.ChangeProfile("A", "a@x.io"), ALICE))
        .isTrue();
    assertThat(access.maySend("bob", "alice", new Customers.ChangeProfile("B", "b@x.io"), ALICE))
        .isFalse();
    assertThat(access.maySend("alice", "alice", new Customers.AwardPoints(100, "me"), ALICE))
        .isFalse();
  }

  @Test
  void shouldLetACustomerCheckOutACartOnlyForItself() {
    CustomerAccess<Carts.Command, Carts.CartState> access = access(Carts.TYPE);
    Carts.CartState open = Carts.TYPE.decider().initialState();

    assertThat(access.maySend("alice", "cart-1", new Carts.CheckOut("alice", null), open)).isTrue();
    assertThat(access.maySend("alice", "cart-1", new Carts.CheckOut("bob", null), open)).isFalse();
    assertThat(access.maySend("alice", "cart-1", new Carts.AddItem("p-1", 1), open)).isFalse();
  }

  @Test
  void shouldLetACustomerPauseOnlyItsOwnSubscription() {
    var access = access(Subscriptions.TYPE);
    var bobs =
        new Subscriptions.SubscriptionState(
            "bob", List.of(), "P7D", "tok", Subscriptions.SubscriptionStatus.ACTIVE, 0, null);

    assertThat(access.maySend("bob", "s-1", new Subscriptions.Pause(), bobs)).isTrue();
    assertThat(access.maySend("alice", "s-1", new Subscriptions.Pause(), bobs)).isFalse();
    assertThat(access.maySend("alice", "s-2", new Subscriptions.Pause(), null)).isFalse();
    assertThat(
            access.maySend(
                "alice", "s-2", new Subscriptions.Subscribe("alice", List.of(), "P7D", null), null))
        .isTrue();
  }

  @Test
  void shouldLetACustomerReadItsOrdersButSendThemNothing() {
    var access = access(Orders.TYPE);
    var order =
        new Orders.OrderState(Orders.OrderStatus.PLACED, "alice", "EUR", List.of(), 100, null);

    assertThat(access.mayRead("alice", "o-1", order)).isTrue();
    assertThat(access.mayRead("bob", "o-1", order)).isFalse();
    assertThat(access.maySend("alice", "o-1", new Orders.CancelOrder("mine"), order)).isFalse();
  }

  @Test
  void shouldFileACustomersViewsUnderItAndNobodyElses() {
    assertThat(new CustomerProjection().customerOf("alice", null)).contains("alice");
    assertThat(new CustomerOrdersProjection().customerOf("alice", null)).contains("alice");
    assertThat(new CustomerSubscriptionsProjection().customerOf("alice", null)).contains("alice");
    assertThat(new ProductProjection().customerOf("p-1", null)).isEmpty();
    assertThat(new OrderProjection(new ProductProjection()).customerOf("o-1", null)).isEmpty();
  }

  private static <C, E, S> CustomerAccess<C, S> access(AggregateType<C, E, S> type) {
    return type.customers().orElseThrow();
  }
}
