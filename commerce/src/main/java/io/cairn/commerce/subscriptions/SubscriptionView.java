package io.cairn.commerce.subscriptions;

import io.cairn.commerce.orders.Orders;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionLine;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionStatus;
import java.time.Instant;
import java.util.List;

/**
 * A subscription as it is stored: what it orders, when, and its latest periods.
 *
 * @param id the subscription's id
 * @param customerId the customer the orders are for
 * @param status active, paused or cancelled
 * @param lines what each order holds
 * @param every the period, an ISO-8601 duration
 * @param nextRunAt when the next order is placed; null while paused or once cancelled
 * @param ordered how many periods were ordered
 * @param skipped how many were skipped while paused
 * @param failed how many could not be ordered
 * @param periods the latest periods, newest first, at most {@link #KEPT_PERIODS}
 * @param createdAt when the customer subscribed
 * @param updatedAt when it last changed
 */
public record SubscriptionView(
    String id,
    String customerId,
    SubscriptionStatus status,
    List<SubscriptionLine> lines,
    String every,
    Instant nextRunAt,
    int ordered,
    int skipped,
    int failed,
    List<Period> periods,
    Instant createdAt,
    Instant updatedAt) {

  /** How many of the latest periods the view keeps; the counts cover them all. */
  public static final int KEPT_PERIODS = 50;

  /** Freezes the lists. */
  public SubscriptionView {
    lines = List.copyOf(lines);
    periods = List.copyOf(periods);
  }

  /** What happened in a period. */
  public enum Outcome {
    /** Its order was placed through the checkout. */
    ORDERED,
    /** It came up while the subscription was paused. */
    SKIPPED,
    /** Its cart could not be filled or checked out. */
    FAILED
  }

  /**
   * A period as stored.
   *
   * @param period its number, from 1
   * @param dueAt when it was due
   * @param outcome ordered, skipped or failed
   * @param reason why it failed; null otherwise
   */
  public record Period(int period, Instant dueAt, Outcome outcome, String reason) {}

  /**
   * A subscription as clients see it: each ordered period with its order's current status.
   *
   * @param id the subscription's id
   * @param customerId the customer the orders are for
   * @param status active, paused or cancelled
   * @param lines what each order holds
   * @param every the period
   * @param nextRunAt when the next order is placed; null while paused or once cancelled
   * @param ordered how many periods were ordered
   * @param skipped how many were skipped while paused
   * @param failed how many could not be ordered
   * @param periods the latest periods, newest first
   * @param createdAt when the customer subscribed
   * @param updatedAt when it last changed
   */
  public record Shown(
      String id,
      String customerId,
      SubscriptionStatus status,
      List<SubscriptionLine> lines,
      String every,
      Instant nextRunAt,
      int ordered,
      int skipped,
      int failed,
      List<ShownPeriod> periods,
      Instant createdAt,
      Instant updatedAt) {}

  /**
   * A period as clients see it.
   *
   * @param period its number, from 1
   * @param dueAt when it was due
   * @param outcome ordered, skipped or failed
   * @param orderId its order, when ordered
   * @param orderStatus the order's status now; null until the checkout has placed or refused it
   * @param totalMinor the order's total, once priced
   * @param currency its currency, once priced
   * @param reason why the period failed, or why its order was cancelled
   */
  public record ShownPeriod(
      int period,
      Instant dueAt,
      Outcome outcome,
      String orderId,
      Orders.OrderStatus orderStatus,
      Long totalMinor,
      String currency,
      String reason) {}
}
