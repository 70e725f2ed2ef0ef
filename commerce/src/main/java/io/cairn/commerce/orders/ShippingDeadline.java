package io.cairn.commerce.orders;

import io.cairn.core.reaction.Input;
import io.cairn.core.reaction.ProcessManager;
import io.cairn.core.reaction.Reactor;
import io.cairn.core.reaction.Send;
import io.cairn.core.reaction.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A confirmed order ships within a set time or is cancelled, so that no customer waits for an order
 * nobody will send. One process per order, from its confirmation to its shipping or cancellation.
 */
public final class ShippingDeadline
    implements Reactor<ShippingDeadline.Watch, ShippingDeadline.Message> {
  /** The process manager's name, in its URL. */
  public static final String NAME = "shipping-deadline";

  /** The deadline's name. */
  public static final String SHIP_BY = "ship-by";

  /** The reason an order not shipped in time is cancelled with. */
  public static final String NOT_SHIPPED = "not_shipped_in_time";

  /** What the process hears of its order. */
  public sealed interface Message permits Confirmed, Shipped, Cancelled {}

  /**
   * The order was confirmed.
   *
   * @param orderId the order
   */
  public record Confirmed(String orderId) implements Message {}

  /** The order shipped. */
  public record Shipped() implements Message {}

  /**
   * The order was cancelled.
   *
   * @param reason why
   */
  public record Cancelled(String reason) implements Message {}

  /**
   * An order being watched.
   *
   * @param orderId the order
   * @param shipBy when it must have shipped
   * @param cancelling whether the process asked for its cancellation
   */
  public record Watch(String orderId, Instant shipBy, boolean cancelling) {}

  private final Duration shipWithin;

  private ShippingDeadline(Duration shipWithin) {
    this.shipWithin = shipWithin;
  }

  /** The process manager, cancelling the orders not shipped within the given time. */
  public static ProcessManager<Watch, Message> manager(Duration shipWithin) {
    if (shipWithin.isNegative() || shipWithin.isZero()) {
      throw new IllegalArgumentException("orders ship within a positive time, not " + shipWithin);
    }
    return ProcessManager.named(NAME, new ShippingDeadline(shipWithin), Watch.class, Message.class)
        .on(
            Orders.TYPE,
            event ->
                Optional.ofNullable(message(event.aggregateId(), event.event()))
                    .map(m -> new ProcessManager.Routed<>(event.aggregateId(), m)))
        .build();
  }

  private static Message message(String orderId, Orders.Event event) {
    return switch (event) {
      case Orders.OrderPlaced ignored -> null;
      case Orders.OrderConfirmed ignored -> new Confirmed(orderId);
      case Orders.OrderShipped ignored -> new Shipped();
      case Orders.OrderCancelled cancelled -> new Cancelled(cancelled.reason());
      case Orders.OrderRefused refused -> null;
    };
  }

  @Override
  public Watch initialState() {
    return null;
  }

  @Override
  public Step<Watch> react(Watch watch, Input<Message> input) {
    return switch (input) {
      case Input.Message<Message> heard -> heard(watch, heard.message(), heard.at());
      case Input.DeadlinePassed<Message> passed ->
          Step.to(new Watch(watch.orderId(), watch.shipBy(), true))
              .send(Send.to(Orders.TYPE, watch.orderId(), new Orders.CancelOrder(NOT_SHIPPED)));
      case Input.Accepted<Message> cancelled -> Step.to(watch).compensated();
      // The order shipped or was cancelled just before the deadline: it no longer waits.
      case Input.Rejected<Message> refused -> Step.to(watch).completed();
    };
  }

  private Step<Watch> heard(Watch watch, Message message, Instant at) {
    if (watch == null) {
      // Only a confirmation starts a watch; an order that ships or is cancelled unwatched (one
      // confirmed before this process manager ran) has nothing to be done.
      return switch (message) {
        case Confirmed confirmed ->
            Step.to(new Watch(confirmed.orderId(), at.plus(shipWithin), false))
                .schedule(SHIP_BY, at.plus(shipWithin));
        case Shipped shipped -> Step.to(null);
        case Cancelled cancelled -> Step.to(null);
      };
    }
    return switch (message) {
      case Confirmed confirmed -> Step.to(watch);
      case Shipped shipped -> Step.to(watch).cancel(SHIP_BY).completed();
      case Cancelled cancelled ->
          watch.cancelling() ? Step.to(watch) : Step.to(watch).cancel(SHIP_BY).completed();
    };
  }
}
