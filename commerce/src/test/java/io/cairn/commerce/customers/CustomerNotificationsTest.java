package io.cairn.commerce.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.core.reaction.Publication.IntegrationEvent;
import io.cairn.core.testing.AggregateHistory;
import org.junit.jupiter.api.Test;

class CustomerNotificationsTest {
  private final AggregateHistory<Customers.Event, Customers.CustomerState> ada =
      new AggregateHistory<>(Customers.TYPE, "c1");

  @Test
  void publishesWhatTheCustomerWasToldWithTheAddressToMailItTo() {
    ada.then(new Customers.CustomerRegistered("Ada", "ada@example.com"));
    var told =
        ada.then(
            new Customers.CustomerNotified(
                Customers.Notification.ORDER_CANCELLED,
                "o1",
                "payment_declined",
                "ada@example.com"));

    assertThat(
            CustomerNotifications.PUBLICATION.publish(
                "customers", told.event().event(), told.event().aggregate()))
        .contains(
            new IntegrationEvent(
                "notifications.OrderCancelled",
                "c1",
                new CustomerNotifications.Notice(
                    "c1", "Ada", "ada@example.com", "o1", "payment_declined")));
  }

  @Test
  void publishesNothingElseOfACustomer() {
    var registered = ada.then(new Customers.CustomerRegistered("Ada", "ada@example.com"));
    assertThat(
            CustomerNotifications.PUBLICATION.publish(
                "customers", registered.event().event(), registered.event().aggregate()))
        .isEmpty();
  }
}
