package io.cairn.commerce.customers;

import static io.cairn.core.aggregate.Decision.accept;
import static io.cairn.core.aggregate.Decision.reject;
import static io.cairn.core.aggregate.Decision.unchanged;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.aggregate.Decider;
import io.cairn.core.aggregate.Decision;
import java.util.Map;
import java.util.Objects;

/** A customer of the loyalty programme: registered once, with a profile and a points balance. */
public final class Customers
    implements Decider<Customers.Command, Customers.Event, Customers.CustomerState> {

  /** The customers, keyed by customer id. */
  public static final AggregateType<Command, Event, CustomerState> TYPE =
      new AggregateType<>(
          "customers", new Customers(), Command.class, Event.class, CustomerState.class);

  /** What a customer is asked to do. */
  public sealed interface Command
      permits RegisterCustomer, ChangeProfile, AwardPoints, RedeemPoints, NotifyCustomer {}

  /** Register the customer. */
  public record RegisterCustomer(String name, String email) implements Command {}

  /** Change the name, the email, or both; a null keeps the current value. */
  public record ChangeProfile(String name, String email) implements Command {}

  /** Award points. */
  public record AwardPoints(long points, String reason) implements Command {}

  /** Redeem points from the balance. */
  public record RedeemPoints(long points, String reason) implements Command {}

  /**
   * Tell the customer of a change to one of their orders, at the email address of their profile.
   *
   * @param kind what changed
   * @param orderId the order
   * @param reason why, for a cancellation; null otherwise
   */
  public record NotifyCustomer(Notification kind, String orderId, String reason)
      implements Command {}

  /** What a customer hears of. */
  public enum Notification {
    ORDER_CONFIRMED,
    ORDER_SHIPPED,
    ORDER_CANCELLED,
    PAYMENT_REFUNDED
  }

  /** What happened to a customer. */
  public sealed interface Event
      permits CustomerRegistered, ProfileChanged, PointsAwarded, PointsRedeemed, CustomerNotified {}

  /** The customer was registered. */
  public record CustomerRegistered(String name, String email) implements Event {}

  /** The profile changed; a null field kept its value. */
  public record ProfileChanged(String name, String email) implements Event {}

  /** Points were awarded. */
  public record PointsAwarded(long points, String reason) implements Event {}

  /** Points were redeemed. */
  public record PointsRedeemed(long points, String reason) implements Event {}

  /**
   * The customer was told of a change to one of their orders: the notifications publication mails
   * it.
   *
   * @param kind what changed
   * @param orderId the order
   * @param reason why, for a cancellation; null otherwise
   * @param email where it was sent: the profile's address then
   */
  public record CustomerNotified(Notification kind, String orderId, String reason, String email)
      implements Event {}

  /** A registered customer; {@code null} before RegisterCustomer. */
  public record CustomerState(String name, String email, long points) {}

  @Override
  public CustomerState initialState() {
    return null;
  }

  @Override
  public Decision<Event> decide(Command command, CustomerState customer) {
    if (customer == null && !(command instanceof RegisterCustomer)) {
      return reject("customer_not_found", "There is no such customer.");
    }
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

  @Override
  public CustomerState evolve(CustomerState customer, Event event) {
    return switch (event) {
      case CustomerRegistered registered ->
          new CustomerState(registered.name(), registered.email(), 0);
      case ProfileChanged changed ->
          new CustomerState(
              Objects.requireNonNullElse(changed.name(), customer.name()),
              Objects.requireNonNullElse(changed.email(), customer.email()),
              customer.points());
      case PointsAwarded awarded ->
          new CustomerState(
              customer.name(), customer.email(), customer.points() + awarded.points());
      case PointsRedeemed redeemed ->
          new CustomerState(
              customer.name(), customer.email(), customer.points() - redeemed.points());
      case CustomerNotified notified -> customer;
    };
  }
}
