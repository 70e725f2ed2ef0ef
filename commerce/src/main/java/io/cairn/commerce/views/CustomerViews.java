package io.cairn.commerce.views;

import io.cairn.commerce.customers.Customers;
import io.cairn.commerce.orders.Orders;
import io.cairn.topology.views.Projection;
import io.cairn.topology.views.SourcedEvent;
import io.cairn.topology.views.ViewKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The customer view: the customer's own events, and their orders' events filed under the customer
 * (repartitioned by {@link CustomerOrderViews#BY_CUSTOMER}).
 */
public final class CustomerViews implements Projection<CustomerView> {

  @Override
  public String name() {
    return "customers";
  }

  @Override
  public Set<String> sources() {
    return Set.of("customers", "orders");
  }

  @Override
  public Map<String, ViewKey> rekeyed() {
    return Map.of("orders", CustomerOrderViews.BY_CUSTOMER);
  }

  @Override
  public Class<CustomerView> viewType() {
    return CustomerView.class;
  }

  @Override
  public boolean exists(CustomerView view) {
    return view.name() != null;
  }

  @Override
  public CustomerView evolve(CustomerView view, SourcedEvent event) {
    CustomerView c = view == null ? CustomerView.unknown(customerOf(event)) : view;
    return switch (event.event()) {
      case Customers.Event e -> profile(c, event.state(Customers.CustomerState.class));
      case Orders.OrderPlaced placed ->
          ordered(c, c.orderCount() + 1, placed.currency(), placed.totalMinor());
      case Orders.OrderCancelled cancelled -> {
        Orders.OrderState order = event.state(Orders.OrderState.class);
        yield ordered(c, c.orderCount(), order.currency(), -order.totalMinor());
      }
      default -> c;
    };
  }

  private String customerOf(SourcedEvent event) {
    ViewKey key = rekeyed().get(event.type());
    return key == null ? event.aggregateId() : key.of().apply(event);
  }

  private static CustomerView profile(CustomerView c, Customers.CustomerState state) {
    return new CustomerView(
        c.id(), state.name(), state.email(), state.points(), c.orderCount(), c.lifetimeSpend());
  }

  private static CustomerView ordered(
      CustomerView c, int orderCount, String currency, long totalMinor) {
    List<CustomerView.Spend> spend = new ArrayList<>();
    boolean found = false;
    for (CustomerView.Spend s : c.lifetimeSpend()) {
      found |= s.currency().equals(currency);
      spend.add(
          s.currency().equals(currency)
              ? new CustomerView.Spend(currency, s.totalMinor() + totalMinor)
              : s);
    }
    if (!found) {
      spend.add(new CustomerView.Spend(currency, totalMinor));
    }
    spend.sort(Comparator.comparing(CustomerView.Spend::currency));
    return new CustomerView(
        c.id(), c.name(), c.email(), c.points(), orderCount, List.copyOf(spend));
  }
}
