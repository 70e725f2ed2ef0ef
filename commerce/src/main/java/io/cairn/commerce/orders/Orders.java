package io.cairn.commerce.orders;

import static io.cairn.core.aggregate.Decision.accept;
import static io.cairn.core.aggregate.Decision.reject;
import static io.cairn.core.aggregate.Decision.unchanged;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.aggregate.CustomerAccess;
import io.cairn.core.aggregate.Decider;
import io.cairn.core.aggregate.Decision;
import java.util.List;
import java.util.Optional;

/** An order of a customer: placed, confirmed, shipped, or cancelled before it ships. */
public final class Orders implements Decider<Orders.Command, Orders.Event, Orders.OrderState> {

  /** The orders, keyed by order id. */
  public static final AggregateType<Command, Event, OrderState> TYPE =
      new AggregateType<>("orders", new Orders(), Command.class, Event.class, OrderState.class)
          .withCustomerAccess(
              new CustomerAccess<>(
                  // Orders are placed, confirmed and cancelled by the checkout, never by hand.
                  command -> false,
                  command -> Optional.empty(),
                  (id, order) -> Optional.ofNullable(order).map(OrderState::customerId)));

  /** What an order is asked to do. */
  public sealed interface Command
      permits PlaceOrder, ConfirmOrder, CancelOrder, ShipOrder, RefuseOrder {}

  /** Place the order. */
  public record PlaceOrder(String customerId, String currency, List<OrderLine> lines)
      implements Command {}

  /** Confirm the placed order. */
  public record ConfirmOrder() implements Command {}

  /** Cancel the order, unless it has shipped. */
  public record CancelOrder(String reason) implements Command {}

  /** Ship the confirmed order. */
  public record ShipOrder() implements Command {}

  /**
   * Refuse a checkout that cannot become an order (a product off sale, lines priced in different
   * currencies): the order is recorded as cancelled without ever being placed.
   *
   * @param customerId the customer who checked out
   * @param reason why ({@code product_unavailable}, {@code mixed_currencies})
   */
  public record RefuseOrder(String customerId, String reason) implements Command {}

  /** What happened to an order. */
  public sealed interface Event
      permits OrderPlaced, OrderConfirmed, OrderCancelled, OrderShipped, OrderRefused {}

  /** The order was placed, with its lines and total. */
  public record OrderPlaced(
      String customerId, String currency, List<OrderLine> lines, long totalMinor)
      implements Event {}

  /** A line of an order: units of one product at a price. */
  public record OrderLine(String productId, int quantity, long unitPriceMinor) {}

  /** The order was confirmed. */
  public record OrderConfirmed() implements Event {}

  /** The order was cancelled. */
  public record OrderCancelled(String reason) implements Event {}

  /** The order was shipped. */
  public record OrderShipped() implements Event {}

  /**
   * The checkout was refused before the order was placed; the order is cancelled.
   *
   * @param customerId the customer who checked out
   * @param reason why
   */
  public record OrderRefused(String customerId, String reason) implements Event {}

  /** Where an order is in its life. */
  public enum OrderStatus {
    PLACED,
    CONFIRMED,
    CANCELLED,
    SHIPPED
  }

  /**
   * A placed (or refused) order; {@code null} before PlaceOrder. A refused order has no lines, and
   * an empty currency since it was never priced.
   */
  public record OrderState(
      OrderStatus status,
      String customerId,
      String currency,
      List<OrderLine> lines,
      long totalMinor,
      String cancelReason) {}

  @Override
  public OrderState initialState() {
    return null;
  }

  @Override
  public Decision<Event> decide(Command command, OrderState order) {
    if (order == null && !(command instanceof PlaceOrder || command instanceof RefuseOrder)) {
      return reject("order_not_found", "There is no such order.");
    }
    return switch (command) {
      case PlaceOrder place ->
          order != null ? reject("already_placed", "The order is already placed.") : place(place);
      case RefuseOrder refuse ->
          order != null
              ? reject("already_placed", "The order is already placed.")
              : accept(new OrderRefused(refuse.customerId(), refuse.reason()));
      case ConfirmOrder confirm ->
          switch (order.status()) {
            case PLACED -> accept(new OrderConfirmed());
            case CONFIRMED -> unchanged();
            case CANCELLED -> reject("order_cancelled", "A cancelled order cannot be confirmed.");
            case SHIPPED -> unchanged();
          };
      case CancelOrder cancel ->
          switch (order.status()) {
            case PLACED, CONFIRMED -> accept(new OrderCancelled(cancel.reason()));
            case CANCELLED -> unchanged();
            case SHIPPED -> reject("order_shipped", "A shipped order cannot be cancelled.");
          };
      case ShipOrder ship ->
          switch (order.status()) {
            case CONFIRMED -> accept(new OrderShipped());
            case SHIPPED -> unchanged();
            case PLACED -> reject("order_not_confirmed", "Only a confirmed order ships.");
            case CANCELLED -> reject("order_cancelled", "A cancelled order does not ship.");
          };
    };
  }

  private static Decision<Event> place(PlaceOrder place) {
    if (place.lines().isEmpty()) {
      return reject("order_empty", "An order has at least one line.");
    }
    long total = 0;
    try {
      for (OrderLine line : place.lines()) {
        if (line.quantity() < 1 || line.unitPriceMinor() < 0) {
          return reject(
              "invalid_line",
              "Line "
                  + line.productId()
                  + " needs a quantity of at least 1 and a price of at least 0.");
        }
        total = Math.addExact(total, Math.multiplyExact(line.quantity(), line.unitPriceMinor()));
      }
    } catch (ArithmeticException e) {
      return reject("order_total_too_large", "The order's total does not fit in a 64-bit amount.");
    }
    return accept(new OrderPlaced(place.customerId(), place.currency(), place.lines(), total));
  }

  @Override
  public OrderState evolve(OrderState order, Event event) {
    return switch (event) {
      case OrderPlaced placed ->
          new OrderState(
              OrderStatus.PLACED,
              placed.customerId(),
              placed.currency(),
              placed.lines(),
              placed.totalMinor(),
              null);
      case OrderConfirmed confirmed -> withStatus(order, OrderStatus.CONFIRMED, null);
      case OrderCancelled cancelled -> withStatus(order, OrderStatus.CANCELLED, cancelled.reason());
      case OrderShipped shipped -> withStatus(order, OrderStatus.SHIPPED, null);
      case OrderRefused refused ->
          new OrderState(
              OrderStatus.CANCELLED, refused.customerId(), "", List.of(), 0, refused.reason());
    };
  }

  private static OrderState withStatus(OrderState order, OrderStatus status, String cancelReason) {
    return new OrderState(
        status,
        order.customerId(),
        order.currency(),
        order.lines(),
        order.totalMinor(),
        cancelReason);
  }
}
