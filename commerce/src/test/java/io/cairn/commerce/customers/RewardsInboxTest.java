package io.cairn.commerce.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.reaction.InboundEvent;
import io.cairn.core.reaction.Send;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RewardsInboxTest {

  @Test
  void awardedAndRedeemedPointsMoveAsTheCommandsWould() {
    assertThat(RewardsInbox.INBOX.map(event(RewardsInbox.POINTS_AWARDED, 40)))
        .contains(List.of(Send.to(Customers.TYPE, "c1", new Customers.AwardPoints(40, "survey"))));
    assertThat(RewardsInbox.INBOX.map(event(RewardsInbox.POINTS_REDEEMED, 15)))
        .contains(List.of(Send.to(Customers.TYPE, "c1", new Customers.RedeemPoints(15, "survey"))));
  }

  @Test
  void anEventOfAnotherTypeIsNotTaken() {
    assertThat(RewardsInbox.INBOX.map(event("rewards.TierChanged", 1))).isEmpty();
  }

  @Test
  void dataNotAsPromisedSaysWhichField() {
    InboundEvent noPoints =
        new InboundEvent(
            "e2",
            "/rewards",
            RewardsInbox.POINTS_AWARDED,
            null,
            null,
            Map.of("customerId", "c1", "points", "many", "reason", "survey"));
    assertThatThrownBy(() -> RewardsInbox.INBOX.map(noPoints))
        .hasMessage("data.points must be a whole number");
  }

  private static InboundEvent event(String type, long points) {
    return new InboundEvent(
        "e1",
        "/rewards",
        type,
        "c1",
        null,
        Map.of("customerId", "c1", "points", points, "reason", "survey"));
  }
}
