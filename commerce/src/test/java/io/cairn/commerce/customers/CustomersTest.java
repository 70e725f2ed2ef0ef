package io.cairn.commerce.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.customers.Customers.AwardPoints;
import io.cairn.commerce.customers.Customers.ChangeProfile;
import io.cairn.commerce.customers.Customers.CustomerRegistered;
import io.cairn.commerce.customers.Customers.CustomerState;
import io.cairn.commerce.customers.Customers.PointsAwarded;
import io.cairn.commerce.customers.Customers.PointsRedeemed;
import io.cairn.commerce.customers.Customers.ProfileChanged;
import io.cairn.commerce.customers.Customers.RedeemPoints;
import io.cairn.commerce.customers.Customers.RegisterCustomer;
import io.cairn.core.aggregate.ErasesPersonalData;
import io.cairn.core.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

class CustomersTest {
  private static final CustomerRegistered REGISTERED =
      new CustomerRegistered("Ada", "ada@example.com");
  private final DeciderSpec<Customers.Command, Customers.Event, CustomerState> customer =
      DeciderSpec.of(new Customers());

  @Test
  void shouldEraseARegisteredCustomerAndNoneUnknown() {
    customer
        .given(REGISTERED, new Customers.PointsAwarded(10, "welcome"))
        .when(new Customers.EraseCustomer())
        .thenEvents(new Customers.CustomerErased());
    customer.when(new Customers.EraseCustomer()).thenRejected("customer_not_found");
    assertThat(new Customers.CustomerErased()).isInstanceOf(ErasesPersonalData.class);
  }

  @Test
  void shouldRegisterCustomer() {
    customer.when(new RegisterCustomer("Ada", "ada@example.com")).thenEvents(REGISTERED);
  }

  @Test
  void shouldRejectRegisterCustomerWhenAlreadyRegistered() {
    customer
        .given(REGISTERED)
        .when(new RegisterCustomer("Ada", "ada@example.com"))
        .thenRejected("already_registered");
  }

  @Test
  void shouldRejectEveryCommandButRegisterWhenCustomerNotFound() {
    customer.when(new ChangeProfile("Bea", null)).thenRejected("customer_not_found");
    customer.when(new AwardPoints(10, "order o1")).thenRejected("customer_not_found");
    customer.when(new RedeemPoints(10, "gift")).thenRejected("customer_not_found");
  }

  @Test
  void shouldChangeOnlyWhatDiffers() {
    customer
        .given(REGISTERED)
        .when(new ChangeProfile("Ada", "ada@new.example"))
        .thenEvents(new ProfileChanged(null, "ada@new.example"));
    customer.given(REGISTERED).when(new ChangeProfile("Ada", null)).thenUnchanged();
    assertThat(customer.given(REGISTERED, new ProfileChanged("Bea", null)).state())
        .isEqualTo(new CustomerState("Bea", "ada@example.com", 0));
  }

  @Test
  void shouldAwardAndRedeemPoints() {
    var awarded = customer.given(REGISTERED, new PointsAwarded(100, "order o1"));

    customer
        .given(REGISTERED)
        .when(new AwardPoints(100, "order o1"))
        .thenEvents(new PointsAwarded(100, "order o1"));
    awarded.when(new RedeemPoints(60, "gift")).thenEvents(new PointsRedeemed(60, "gift"));
    assertThat(awarded.given(new PointsRedeemed(60, "gift")).state().points()).isEqualTo(40);
  }

  @Test
  void shouldRejectRedeemPointsBeyondBalance() {
    customer
        .given(REGISTERED, new PointsAwarded(50, "order o1"))
        .when(new RedeemPoints(51, "gift"))
        .thenRejected("insufficient_points");
  }

  @Test
  void shouldRejectNonPositivePoints() {
    customer.given(REGISTERED).when(new AwardPoints(0, "nothing")).thenRejected("invalid_points");
    customer.given(REGISTERED).when(new RedeemPoints(0, "nothing")).thenRejected("invalid_points");
  }

  @Test
  void shouldNotifyAtTheProfilesAddressAndOnlyARegisteredCustomer() {
    customer
        .given(REGISTERED, new Customers.ProfileChanged(null, "new@example.com"))
        .when(
            new Customers.NotifyCustomer(
                Customers.Notification.ORDER_CANCELLED, "o1", "out_of_stock"))
        .thenEvents(
            new Customers.CustomerNotified(
                Customers.Notification.ORDER_CANCELLED, "o1", "out_of_stock", "new@example.com"));
    customer
        .when(new Customers.NotifyCustomer(Customers.Notification.ORDER_SHIPPED, "o1", null))
        .thenRejected("customer_not_found");
  }

  @Test
  void shouldTakeDonatedPointsAtOnceOrRefuseAShortBalance() {
    var rich = customer.given(REGISTERED, new Customers.PointsAwarded(50, "welcome"));
    rich.when(new Customers.DonatePoints("c2", 30))
        .thenEvents(new Customers.PointsDonated("c2", 30));
    rich.when(new Customers.DonatePoints("c2", 51)).thenRejected("insufficient_points");
    rich.when(new Customers.DonatePoints("c2", 0)).thenRejected("invalid_points");
    assertThat(
            customer
                .given(
                    REGISTERED,
                    new Customers.PointsAwarded(50, "welcome"),
                    new Customers.PointsDonated("c2", 30),
                    new Customers.DonationRefunded(30, "c1-3"),
                    new Customers.DonationReceived("c3", 5, "c3-9"))
                .state()
                .points())
        .isEqualTo(55);
  }

  @Test
  void shouldRecordConnectionsWithAKnownRole() {
    java.time.Instant at = java.time.Instant.parse("2026-12-01T10:00:00Z");
    customer
        .given(REGISTERED)
        .when(new Customers.RecordConnection("o1", "officer", at))
        .thenEvents(new Customers.ConnectionRecorded("o1", "officer", at));
    customer
        .given(REGISTERED)
        .when(new Customers.RecordConnection("o1", "mayor", at))
        .thenRejected("invalid_role");
    customer
        .when(new Customers.RecordConnection("o1", "officer", at))
        .thenRejected("customer_not_found");
  }
}
