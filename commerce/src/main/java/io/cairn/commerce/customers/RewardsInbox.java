package io.cairn.commerce.customers;

import io.cairn.core.reaction.Inbox;
import io.cairn.core.reaction.Send;
import java.util.List;

/**
 * The Rewards service's events, through its inbox ({@code cairn.inbox.rewards}): points it awards
 * or redeems move as if the command had come over HTTP.
 */
public final class RewardsInbox {
  /** Points awarded: data {@code {customerId, points, reason}}. */
  public static final String POINTS_AWARDED = "rewards.PointsAwarded";

  /** Points redeemed: data {@code {customerId, points, reason}}. */
  public static final String POINTS_REDEEMED = "rewards.PointsRedeemed";

  /** The inbox. */
  public static final Inbox INBOX =
      Inbox.named("rewards")
          .on(
              POINTS_AWARDED,
              event ->
                  List.of(
                      Send.to(
                          Customers.TYPE,
                          event.text("customerId"),
                          new Customers.AwardPoints(
                              event.wholeNumber("points"), event.text("reason")))))
          .on(
              POINTS_REDEEMED,
              event ->
                  List.of(
                      Send.to(
                          Customers.TYPE,
                          event.text("customerId"),
                          new Customers.RedeemPoints(
                              event.wholeNumber("points"), event.text("reason")))))
          .build();

  private RewardsInbox() {}
}
