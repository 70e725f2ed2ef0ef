package io.cairn.commerce.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The state of a subscription's {@link SubscriptionOrders} process: when the next period is due,
 * and the periods whose carts are being filled or checked out.
 *
 * @param subscriptionId the subscription
 * @param every its period, an ISO-8601 duration
 * @param nextDueAt when the next period is due
 * @param filling the periods whose carts are being filled or checked out
 * @param cancelled whether the subscription was cancelled, the process ending once nothing is being
 *     filled
 */
public record SubscriptionSchedule(
    String subscriptionId,
    String every,
    Instant nextDueAt,
    List<Filling> filling,
    boolean cancelled) {

  /** Freezes the list. */
  public SubscriptionSchedule {
    filling = List.copyOf(filling);
  }

  /**
   * A period's cart being filled: the lines still to be added, then its check-out.
   *
   * @param period the period
   * @param awaiting the lines not yet added, plus one for the check-out
   * @param customerId the customer checking out
   * @param paymentToken how the order is paid
   */
  public record Filling(int period, int awaiting, String customerId, String paymentToken) {

    /** The same cart with one more command answered. */
    Filling answered() {
      return new Filling(period, awaiting - 1, customerId, paymentToken);
    }
  }

  /** A new subscription's schedule, its first period due at once. */
  static SubscriptionSchedule startingAt(String subscriptionId, String every, Instant at) {
    return new SubscriptionSchedule(subscriptionId, every, at, List.of(), false);
  }

  /** The same schedule, its next period due one period after the given time. */
  SubscriptionSchedule nextAfter(Instant dueAt) {
    Instant next = dueAt.plus(Duration.parse(every));
    return new SubscriptionSchedule(subscriptionId, every, next, filling, cancelled);
  }

  /** The same schedule, the subscription cancelled. */
  SubscriptionSchedule cancel() {
    return new SubscriptionSchedule(subscriptionId, every, nextDueAt, filling, true);
  }

  /** Whether the process has nothing left to do. */
  boolean done() {
    return cancelled && filling.isEmpty();
  }

  /** The period's cart, as it is now. */
  SubscriptionSchedule with(Filling cart) {
    List<Filling> all = new ArrayList<>(without(cart.period()).filling());
    all.add(cart);
    return new SubscriptionSchedule(subscriptionId, every, nextDueAt, all, cancelled);
  }

  /** The period's cart no longer being filled. */
  SubscriptionSchedule without(int period) {
    return new SubscriptionSchedule(
        subscriptionId,
        every,
        nextDueAt,
        filling.stream().filter(f -> f.period() != period).toList(),
        cancelled);
  }

  /** The cart a {@code fill:<period>:<product>} or {@code checkout:<period>} step was for. */
  Optional<Filling> fillingOf(String step) {
    if (!step.startsWith(SubscriptionOrders.FILL)
        && !step.startsWith(SubscriptionOrders.CHECKOUT)) {
      return Optional.empty();
    }
    String rest = step.substring(step.indexOf(':') + 1);
    int end = rest.indexOf(':');
    int period = Integer.parseInt(end < 0 ? rest : rest.substring(0, end));
    return filling.stream().filter(f -> f.period() == period).findFirst();
  }
}
