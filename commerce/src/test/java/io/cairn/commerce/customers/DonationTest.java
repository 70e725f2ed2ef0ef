package io.cairn.commerce.customers;

import io.cairn.core.reaction.Input;
import io.cairn.core.reaction.ProcessStatus;
import io.cairn.core.reaction.Send;
import io.cairn.core.testing.AggregateHistory;
import io.cairn.core.testing.ProcessSpec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DonationTest {
  private static final Instant AT = Instant.parse("2026-12-02T09:00:00Z");
  private final AggregateHistory<Customers.Event, Customers.CustomerState> donor =
      new AggregateHistory<>(Customers.TYPE, "ann");
  private final AggregateHistory.Happened<Customers.Event, Customers.CustomerState> donated;

  DonationTest() {
    donor.then(new Customers.CustomerRegistered("Ann", "ann@example.org"));
    donor.then(new Customers.PointsAwarded(100, "welcome"));
    donated = donor.then(new Customers.PointsDonated("bob", 30));
  }

  private ProcessSpec<Donation.Transfer, Donation.Message> donation() {
    return ProcessSpec.of(Donation.MANAGER, "ann-3");
  }

  @Test
  void pointsTakenFromTheDonorAreGivenToTheRecipient() {
    donation()
        .when(donated)
        .thenSends(
            Send.to(Customers.TYPE, "bob", new Customers.ReceiveDonation("ann", 30, "ann-3"))
                .as("give"));
    donation().given(donated).when(Input.accepted("give", AT)).thenStatus(ProcessStatus.COMPLETED);
  }

  @Test
  void aRecipientWhoDoesNotExistSendsThePointsBack() {
    donation()
        .given(donated)
        .when(Input.rejected("give", "customer_not_found", AT))
        .thenSends(
            Send.to(Customers.TYPE, "ann", new Customers.RefundDonation(30, "ann-3")).as("refund"))
        .thenStatus(ProcessStatus.RUNNING);
    donation()
        .given(donated, Input.rejected("give", "customer_not_found", AT))
        .when(Input.accepted("refund", AT))
        .thenStatus(ProcessStatus.COMPENSATED);
  }
}
