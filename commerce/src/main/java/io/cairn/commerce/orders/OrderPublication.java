package io.cairn.commerce.orders;

import io.cairn.core.reaction.Publication;
import io.cairn.core.reaction.Publication.IntegrationEvent;
import io.cairn.core.view.SourcedEvent;
import java.util.Optional;

/**
 * What other services may know of orders, on {@code cairn.integration.orders}: each change of an
 * order's status, with the few facts a shipping, invoicing or notification service needs. The types
 * and the {@link OrderStatusChanged} record are a contract: they change only compatibly.
 */
public final class OrderPublication {
  /** An order was placed. */
  public static final String PLACED = "commerce.OrderPlaced";

  /** An order was confirmed. */
  public static final String CONFIRMED = "commerce.OrderConfirmed";

  /** An order shipped. */
  public static final String SHIPPED = "commerce.OrderShipped";

  /** An order was cancelled. */
  public static final String CANCELLED = "commerce.OrderCancelled";

  /**
   * The data of every order integration event.
   *
   * @param orderId the order
   * @param customerId its customer
   * @param status its status after the change: {@code PLACED}, {@code CONFIRMED}, {@code SHIPPED}
   *     or {@code CANCELLED}
   * @param totalMinor its total, in minor units of its currency
   * @param currency its currency, ISO 4217
   * @param reason why it was cancelled; null unless it was
   */
  public record OrderStatusChanged(
      String orderId,
      String customerId,
      String status,
      long totalMinor,
      String currency,
      String reason) {}

  /** The publication. */
  public static final Publication PUBLICATION =
      Publication.named("orders").on(Orders.TYPE, OrderPublication::publish).build();

  private OrderPublication() {}

  private static Optional<IntegrationEvent> publish(
      SourcedEvent<Orders.Event, Orders.OrderState> changed) {
    String type =
        switch (changed.event()) {
          case Orders.OrderPlaced placed -> PLACED;
          case Orders.OrderConfirmed confirmed -> CONFIRMED;
          case Orders.OrderShipped shipped -> SHIPPED;
          case Orders.OrderCancelled cancelled -> CANCELLED;
          case Orders.OrderRefused refused -> CANCELLED;
        };
    Orders.OrderState order = changed.state();
    return Optional.of(
        new IntegrationEvent(
            type,
            changed.aggregateId(),
            new OrderStatusChanged(
                changed.aggregateId(),
                order.customerId(),
                order.status().name(),
                order.totalMinor(),
                order.currency(),
                order.cancelReason())));
  }
}
