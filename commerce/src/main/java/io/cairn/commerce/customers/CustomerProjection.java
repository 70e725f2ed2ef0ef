package io.cairn.commerce.customers;

import io.cairn.commerce.orders.Orders;
import io.cairn.core.view.Projection;
import io.cairn.core.view.Source;
import io.cairn.core.view.SourcedEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The customer view: the customer's own events, and their orders' events filed under the customer
 * (repartitioned by {@link CustomerOrdersProjection#BY_CUSTOMER}).
 */
public final class CustomerProjection implements Projection<CustomerView> {

  /** A customer reads its own profile. */
  @Override
  public Optional<String> customerOf(String key, CustomerView view) {
    return Optional.of(key);
  }

  @Override
  public String name() {
    return "customers";
  }

  @Override
  public Class<CustomerView> viewType() {
    return CustomerView.class;
  }

  @Override
  public List<Source<CustomerView, ?, ?>> sources() {
    return List.of(
        Source.of(Customers.TYPE, CustomerProjection::profile),
        Source.keyedBy(
            Orders.TYPE, CustomerOrdersProjection.BY_CUSTOMER, CustomerProjection::ordered));
  }

  /** Orders can be placed before the customer registers: the view starts from their id. */
  @Override
  public CustomerView initial(String id) {
    return CustomerView.unknown(id);
  }

  @Override
  public boolean exists(CustomerView view) {
    return view.name() != null;
  }

  /**
   * Every event of the customer leaves the profile as their state says; donations and connections
   * add up as well.
   */
  private static CustomerView profile(
      CustomerView c, SourcedEvent<Customers.Event, Customers.CustomerState> event) {
    Customers.CustomerState state = event.state();
    CustomerView view = c.withProfile(state.name(), state.email(), state.points());
    return switch (event.event()) {
      case Customers.PointsDonated donated -> view.withDonations(donated.points(), 0);
      case Customers.DonationRefunded refunded -> view.withDonations(-refunded.points(), 0);
      case Customers.DonationReceived received -> view.withDonations(0, received.points());
      case Customers.ConnectionRecorded connected ->
          view.withConnection(
              new CustomerView.Connection(connected.withId(), connected.role(), connected.at()));
      case Customers.CustomerRegistered other -> view;
      case Customers.ProfileChanged other -> view;
      case Customers.PointsAwarded other -> view;
      case Customers.PointsRedeemed other -> view;
      case Customers.CustomerNotified other -> view;
      case Customers.CustomerErased other -> view;
    };
  }

  private static CustomerView ordered(
      CustomerView c, SourcedEvent<Orders.Event, Orders.OrderState> event) {
    Orders.OrderState order = event.state();
    return switch (event.event()) {
      case Orders.OrderPlaced placed ->
          spent(c, c.orderCount() + 1, placed.currency(), placed.totalMinor());
      case Orders.OrderCancelled cancelled ->
          spent(c, c.orderCount(), order.currency(), -order.totalMinor());
      case Orders.OrderConfirmed confirmed -> c;
      case Orders.OrderShipped shipped -> c;
      case Orders.OrderRefused refused -> c;
    };
  }

  private static CustomerView spent(
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
    return c.withOrders(orderCount, List.copyOf(spend));
  }
}
