package io.cairn.commerce.customers;

import static io.cairn.core.aggregate.Decision.accept;
import static io.cairn.core.aggregate.Decision.reject;
import static io.cairn.core.aggregate.Decision.unchanged;

import io.cairn.commerce.customers.Customers.AwardPoints;
import io.cairn.commerce.customers.Customers.ChangeProfile;
import io.cairn.commerce.customers.Customers.Command;
import io.cairn.commerce.customers.Customers.ConnectionRecorded;
import io.cairn.commerce.customers.Customers.CustomerErased;
import io.cairn.commerce.customers.Customers.CustomerNotified;
import io.cairn.commerce.customers.Customers.CustomerRegistered;
import io.cairn.commerce.customers.Customers.CustomerState;
import io.cairn.commerce.customers.Customers.DonatePoints;
import io.cairn.commerce.customers.Customers.DonationReceived;
import io.cairn.commerce.customers.Customers.DonationRefunded;
import io.cairn.commerce.customers.Customers.EraseCustomer;
import io.cairn.commerce.customers.Customers.Event;
import io.cairn.commerce.customers.Customers.NotifyCustomer;
import io.cairn.commerce.customers.Customers.PointsAwarded;
import io.cairn.commerce.customers.Customers.PointsDonated;
import io.cairn.commerce.customers.Customers.PointsRedeemed;
import io.cairn.commerce.customers.Customers.ProfileChanged;
import io.cairn.commerce.customers.Customers.ReceiveDonation;
import io.cairn.commerce.customers.Customers.RecordConnection;
import io.cairn.commerce.customers.Customers.RedeemPoints;
import io.cairn.commerce.customers.Customers.RefundDonation;
import io.cairn.commerce.customers.Customers.RegisterCustomer;
import io.cairn.core.aggregate.Decision;
import java.util.Map;

/** What each command does to a registered customer (or, for RegisterCustomer, to none yet). */
final class CustomerRules {
  private CustomerRules() {}

  static Decision<Event> decide(Command command, CustomerState customer) {
    return switch (command) {
      case RegisterCustomer register ->
          customer != null
              ? reject("already_registered", "The customer is already registered.")
              : accept(new CustomerRegistered(register.name(), register.email()));
      case ChangeProfile change -> changeProfile(change, customer);
      case AwardPoints award ->
          award.points() < 1
              ? reject("invalid_points", "Points are at least 1.")
              : accept(new PointsAwarded(award.points(), award.reason()));
      case RedeemPoints redeem -> redeem(redeem, customer);
      case RecordConnection connection ->
          Customers.ROLES.contains(connection.role())
              ? accept(
                  new ConnectionRecorded(connection.withId(), connection.role(), connection.at()))
              : reject("invalid_role", "A role is officer or citizen.");
      case DonatePoints donate -> donate(donate, customer);
      case ReceiveDonation receive ->
          receive.points() < 1
              ? reject("invalid_points", "Points are at least 1.")
              : accept(
                  new DonationReceived(
                      receive.fromCustomerId(), receive.points(), receive.donationId()));
      case RefundDonation refund ->
          refund.points() < 1
              ? reject("invalid_points", "Points are at least 1.")
              : accept(new DonationRefunded(refund.points(), refund.donationId()));
      case EraseCustomer erase -> accept(new CustomerErased());
      case NotifyCustomer notify ->
          accept(
              new CustomerNotified(
                  notify.kind(), notify.orderId(), notify.reason(), customer.email()));
    };
  }

  private static Decision<Event> changeProfile(ChangeProfile change, CustomerState customer) {
    String name =
        change.name() == null || change.name().equals(customer.name()) ? null : change.name();
    String email =
        change.email() == null || change.email().equals(customer.email()) ? null : change.email();
    return name == null && email == null ? unchanged() : accept(new ProfileChanged(name, email));
  }

  private static Decision<Event> redeem(RedeemPoints redeem, CustomerState customer) {
    if (redeem.points() < 1) {
      return reject("invalid_points", "Points are at least 1.");
    }
    if (redeem.points() > customer.points()) {
      return reject(
          "insufficient_points",
          "The balance is "
              + customer.points()
              + " points, "
              + redeem.points()
              + " were asked for.",
          Map.of("requested", redeem.points(), "balance", customer.points()));
    }
    return accept(new PointsRedeemed(redeem.points(), redeem.reason()));
  }

  private static Decision<Event> donate(DonatePoints donate, CustomerState customer) {
    if (donate.points() < 1) {
      return reject("invalid_points", "Points are at least 1.");
    }
    if (donate.points() > customer.points()) {
      return reject(
          "insufficient_points",
          "The balance is "
              + customer.points()
              + " points, "
              + donate.points()
              + " were asked for.",
          Map.of("requested", donate.points(), "balance", customer.points()));
    }
    return accept(new PointsDonated(donate.toCustomerId(), donate.points()));
  }
}
