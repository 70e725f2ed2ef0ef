package io.cairn.commerce.customers;

import io.cairn.core.reaction.Publication;
import io.cairn.core.reaction.Publication.IntegrationEvent;
import io.cairn.core.view.SourcedEvent;
import java.util.Optional;

/**
 * The notifications publication: each change a customer hears of, on {@code
 * cairn.integration.notifications}, with the address to mail it to, for a mail service to consume.
 * Integration event types: {@code notifications.OrderConfirmed}, {@code
 * notifications.OrderShipped}, {@code notifications.OrderCancelled} (with its reason) and {@code
 * notifications.PaymentRefunded}; subject the customer's id.
 */
public final class CustomerNotifications {
  /** The data of every notification. */
  public record Notice(
      String customerId, String name, String email, String orderId, String reason) {}

  /** The publication. */
  public static final Publication PUBLICATION =
      Publication.named("notifications").on(Customers.TYPE, CustomerNotifications::publish).build();

  private CustomerNotifications() {}

  private static Optional<IntegrationEvent> publish(
      SourcedEvent<Customers.Event, Customers.CustomerState> event) {
    return switch (event.event()) {
      case Customers.CustomerNotified notified ->
          Optional.of(
              new IntegrationEvent(
                  type(notified.kind()),
                  event.aggregateId(),
                  new Notice(
                      event.aggregateId(),
                      event.state().name(),
                      notified.email(),
                      notified.orderId(),
                      notified.reason())));
      case Customers.CustomerRegistered other -> Optional.empty();
      case Customers.ProfileChanged other -> Optional.empty();
      case Customers.PointsAwarded other -> Optional.empty();
      case Customers.PointsRedeemed other -> Optional.empty();
      case Customers.ConnectionRecorded other -> Optional.empty();
      case Customers.PointsDonated other -> Optional.empty();
      case Customers.DonationReceived other -> Optional.empty();
      case Customers.DonationRefunded other -> Optional.empty();
      case Customers.CustomerErased other -> Optional.empty();
    };
  }

  private static String type(Customers.Notification kind) {
    return switch (kind) {
      case ORDER_CONFIRMED -> "notifications.OrderConfirmed";
      case ORDER_SHIPPED -> "notifications.OrderShipped";
      case ORDER_CANCELLED -> "notifications.OrderCancelled";
      case PAYMENT_REFUNDED -> "notifications.PaymentRefunded";
    };
  }
}
