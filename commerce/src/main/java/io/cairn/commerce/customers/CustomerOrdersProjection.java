package io.cairn.commerce.customers;

import io.cairn.commerce.orders.Orders;
import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.view.ListProjection;
import io.cairn.core.view.Source;
import io.cairn.core.view.SourcedEvent;
import io.cairn.core.view.ViewKey;
import java.util.List;
import java.util.Optional;

/**
 * A customer's orders, newest first: the order events filed under the order's customer, one row per
 * order, served at {@code /api/v1/customers/{id}/orders}.
 */
public final class CustomerOrdersProjection implements ListProjection<CustomerOrderRow> {
  /** Files an order's events under its customer, whom the order's state names on every event. */
  public static final ViewKey<Orders.OrderState> BY_CUSTOMER =
      new ViewKey<>("customer", order -> order.state().customerId());

  /** A customer reads its own orders. */
  @Override
  public Optional<String> customerOf(String key, CustomerOrderRow view) {
    return Optional.of(key);
  }

  @Override
  public String name() {
    return "customer-orders";
  }

  @Override
  public String parent() {
    return "customers";
  }

  @Override
  public String segment() {
    return "orders";
  }

  @Override
  public Class<CustomerOrderRow> viewType() {
    return CustomerOrderRow.class;
  }

  @Override
  public List<Source<CustomerOrderRow, ?, ?>> sources() {
    return List.of(Source.keyedBy(Orders.TYPE, BY_CUSTOMER, CustomerOrdersProjection::evolve));
  }

  @Override
  public String rowOf(Aggregate<?> order) {
    return ListProjection.newestFirst(order.createdAt(), order.id());
  }

  /** Every event leaves the row as the order's state says. */
  private static CustomerOrderRow evolve(
      CustomerOrderRow row, SourcedEvent<Orders.Event, Orders.OrderState> event) {
    Orders.OrderState order = event.state();
    return new CustomerOrderRow(
        event.aggregateId(),
        order.status(),
        event.createdAt(),
        order.currency(),
        order.totalMinor(),
        order.lines().size(),
        event.occurredAt());
  }
}
