package io.cairn.commerce.customers;

import static io.cairn.core.aggregate.Decision.reject;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.aggregate.CustomerAccess;
import io.cairn.core.aggregate.Decider;
import io.cairn.core.aggregate.Decision;
import io.cairn.core.aggregate.ErasesPersonalData;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A customer of the loyalty programme: registered once, with a profile and a points balance. */
public final class Customers
    implements Decider<Customers.Command, Customers.Event, Customers.CustomerState> {

  /** The customers, keyed by customer id. */
  public static final AggregateType<Command, Event, CustomerState> TYPE =
      new AggregateType<>(
              "customers", new Customers(), Command.class, Event.class, CustomerState.class)
          .withCustomerAccess(CustomerAccess.ownedById(Customers::sentByCustomers));

  /** What a customer may ask of its own profile; points are awarded and refunded by Cairn. */
  private static boolean sentByCustomers(Command command) {
    return switch (command) {
      case RegisterCustomer register -> true;
      case ChangeProfile change -> true;
      case RedeemPoints redeem -> true;
      case DonatePoints donate -> true;
      case AwardPoints award -> false;
      case NotifyCustomer notify -> false;
      case RecordConnection connection -> false;
      case ReceiveDonation receive -> false;
      case RefundDonation refund -> false;
      case EraseCustomer erase -> true;
    };
  }

  /** What a customer is asked to do. */
  public sealed interface Command
      permits RegisterCustomer,
          ChangeProfile,
          AwardPoints,
          RedeemPoints,
          NotifyCustomer,
          RecordConnection,
          DonatePoints,
          ReceiveDonation,
          RefundDonation,
          EraseCustomer {}

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

  /**
   * Record a connection between an officer and a citizen, as the Connections service logged it.
   *
   * @param withId the other person's id
   * @param role the other person's role: {@code officer} or {@code citizen}
   * @param at when the connection was logged
   */
  public record RecordConnection(String withId, String role, Instant at) implements Command {}

  /**
   * Give points to another customer: taken from this one at once, given by the donation process.
   *
   * @param toCustomerId the recipient
   * @param points how many
   */
  public record DonatePoints(String toCustomerId, long points) implements Command {}

  /**
   * Receive points another customer donated.
   *
   * @param fromCustomerId the donor
   * @param points how many
   * @param donationId the donation
   */
  public record ReceiveDonation(String fromCustomerId, long points, String donationId)
      implements Command {}

  /**
   * Take back points a donation could not give.
   *
   * @param points how many
   * @param donationId the donation
   */
  public record RefundDonation(long points, String donationId) implements Command {}

  /**
   * Erase the customer's personal data, as the right to erasure asks: its name and email become
   * unreadable everywhere, for good, while its points, orders and ids stay.
   */
  public record EraseCustomer() implements Command {}

  /** What a customer hears of. */
  public enum Notification {
    ORDER_CONFIRMED,
    ORDER_SHIPPED,
    ORDER_CANCELLED,
    PAYMENT_REFUNDED
  }

  /** What happened to a customer. */
  public sealed interface Event
      permits CustomerRegistered,
          ProfileChanged,
          PointsAwarded,
          PointsRedeemed,
          CustomerNotified,
          ConnectionRecorded,
          PointsDonated,
          DonationReceived,
          DonationRefunded,
          CustomerErased {}

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

  /**
   * A connection was recorded.
   *
   * @param withId the other person's id
   * @param role the other person's role: {@code officer} or {@code citizen}
   * @param at when the connection was logged
   */
  public record ConnectionRecorded(String withId, String role, Instant at) implements Event {}

  /**
   * Points were taken from the customer to give to another.
   *
   * @param toCustomerId the recipient
   * @param points how many
   */
  public record PointsDonated(String toCustomerId, long points) implements Event {}

  /**
   * Points another customer donated were received.
   *
   * @param fromCustomerId the donor
   * @param points how many
   * @param donationId the donation
   */
  public record DonationReceived(String fromCustomerId, long points, String donationId)
      implements Event {}

  /**
   * Points a donation could not give came back.
   *
   * @param points how many
   * @param donationId the donation
   */
  public record DonationRefunded(long points, String donationId) implements Event {}

  /** The customer's personal data was erased: the keys that sealed it are deleted. */
  public record CustomerErased() implements Event, ErasesPersonalData {}

  /** The role of an officer in a connection. */
  public static final String OFFICER = "officer";

  /** The role of a citizen in a connection. */
  public static final String CITIZEN = "citizen";

  /** The roles of the two people of a connection. */
  public static final Set<String> ROLES = Set.of(OFFICER, CITIZEN);

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
    return CustomerRules.decide(command, customer);
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
      case ConnectionRecorded connected -> customer;
      case PointsDonated donated -> withPoints(customer, -donated.points());
      case DonationReceived received -> withPoints(customer, received.points());
      case DonationRefunded refunded -> withPoints(customer, refunded.points());
      // The name and email stay as they are kept, sealed: with their keys gone, nobody opens them.
      case CustomerErased erased -> customer;
    };
  }

  private static CustomerState withPoints(CustomerState customer, long change) {
    return new CustomerState(customer.name(), customer.email(), customer.points() + change);
  }
}
