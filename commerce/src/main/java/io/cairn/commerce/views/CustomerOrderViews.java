package io.cairn.commerce.views;

import io.cairn.commerce.orders.Orders;
import io.cairn.topology.views.ListProjection;
import io.cairn.topology.views.SourcedEvent;
import io.cairn.topology.views.ViewKey;
import java.util.Map;
import java.util.Set;

/**
 * A customer's orders, newest first: the order events filed under the order's customer, one row per
 * order, served at {@code /api/v1/customers/{id}/orders}.
 */
public final class CustomerOrderViews implements ListProjection<CustomerOrderRow> {
  /** Files an order's events under its customer, whom the order's state names on every event. */
  public static final ViewKey BY_CUSTOMER =
      new ViewKey("customer", e -> e.state(Orders.OrderState.class).customerId());

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
  public Set<String> sources() {
    return Set.of("orders");
  }

  @Override
  public Map<String, ViewKey> rekeyed() {
    return Map.of("orders", BY_CUSTOMER);
  }

  @Override
  public Class<CustomerOrderRow> viewType() {
    return CustomerOrderRow.class;
  }

  @Override
  public String rowOf(SourcedEvent event) {
    return ListProjection.newestFirst(event.createdAt(), event.aggregateId());
  }

  @Override
  public CustomerOrderRow evolve(CustomerOrderRow row, SourcedEvent event) {
    Orders.OrderState order = event.state(Orders.OrderState.class);
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
