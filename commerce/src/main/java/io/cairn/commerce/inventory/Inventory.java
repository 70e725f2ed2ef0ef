package io.cairn.commerce.inventory;

import static io.cairn.core.aggregate.Decision.accept;
import static io.cairn.core.aggregate.Decision.reject;
import static io.cairn.core.aggregate.Decision.unchanged;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.aggregate.Decider;
import io.cairn.core.aggregate.Decision;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The stock of one product, keyed by the product's id: units are received, reserved for orders,
 * released when an order falls through, and shipped.
 */
public final class Inventory
    implements Decider<Inventory.Command, Inventory.Event, Inventory.InventoryState> {

  /** The stock of each product, keyed by the product's id. */
  public static final AggregateType<Command, Event, InventoryState> TYPE =
      new AggregateType<>(
          "inventory", new Inventory(), Command.class, Event.class, InventoryState.class);

  /** What the stock is asked to do. */
  public sealed interface Command permits ReceiveStock, ReserveStock, ReleaseStock, ShipStock {}

  /** Add received units. */
  public record ReceiveStock(int quantity) implements Command {}

  /** Reserve units for an order; a second reservation for the same order changes nothing. */
  public record ReserveStock(String orderId, int quantity) implements Command {}

  /** Release an order's reservation; releasing none changes nothing. */
  public record ReleaseStock(String orderId) implements Command {}

  /** Ship an order's reserved units. */
  public record ShipStock(String orderId) implements Command {}

  /** What happened to the stock. */
  public sealed interface Event permits StockReceived, StockReserved, StockReleased, StockShipped {}

  /** Units were received. */
  public record StockReceived(int quantity) implements Event {}

  /** Units were reserved for an order. */
  public record StockReserved(String orderId, int quantity) implements Event {}

  /** An order's reservation was released. */
  public record StockReleased(String orderId, int quantity) implements Event {}

  /** An order's reserved units were shipped. */
  public record StockShipped(String orderId, int quantity) implements Event {}

  /** Units reserved for one order. */
  public record Reservation(String orderId, int quantity) {}

  /** The stock: units on hand (reserved ones included) and the open reservations. */
  public record InventoryState(int onHand, List<Reservation> reservations) {
    /** Units on hand that no order has reserved. */
    public int available() {
      return onHand - reservations.stream().mapToInt(Reservation::quantity).sum();
    }

    Optional<Reservation> reservation(String orderId) {
      return reservations.stream().filter(r -> r.orderId().equals(orderId)).findFirst();
    }
  }

  @Override
  public InventoryState initialState() {
    return new InventoryState(0, List.of());
  }

  @Override
  public Decision<Event> decide(Command command, InventoryState stock) {
    return switch (command) {
      case ReceiveStock receive ->
          receive.quantity() < 1
              ? reject("invalid_quantity", "A quantity is at least 1.")
              : accept(new StockReceived(receive.quantity()));
      case ReserveStock reserve -> reserve(reserve, stock);
      case ReleaseStock release ->
          stock
              .reservation(release.orderId())
              .<Decision<Event>>map(r -> accept(new StockReleased(r.orderId(), r.quantity())))
              .orElse(unchanged());
      case ShipStock ship ->
          stock
              .reservation(ship.orderId())
              .<Decision<Event>>map(r -> accept(new StockShipped(r.orderId(), r.quantity())))
              .orElse(
                  reject(
                      "no_reservation",
                      "Order " + ship.orderId() + " has no reservation to ship."));
    };
  }

  private static Decision<Event> reserve(ReserveStock reserve, InventoryState stock) {
    if (reserve.quantity() < 1) {
      return reject("invalid_quantity", "A quantity is at least 1.");
    }
    if (stock.reservation(reserve.orderId()).isPresent()) {
      return unchanged();
    }
    if (stock.available() < reserve.quantity()) {
      return reject(
          "insufficient_stock",
          "Only "
              + stock.available()
              + " units are available, "
              + reserve.quantity()
              + " were asked for.",
          Map.of("requested", reserve.quantity(), "available", stock.available()));
    }
    return accept(new StockReserved(reserve.orderId(), reserve.quantity()));
  }

  @Override
  public InventoryState evolve(InventoryState stock, Event event) {
    return switch (event) {
      case StockReceived received ->
          new InventoryState(stock.onHand() + received.quantity(), stock.reservations());
      case StockReserved reserved ->
          new InventoryState(
              stock.onHand(),
              Stream.concat(
                      stock.reservations().stream(),
                      Stream.of(new Reservation(reserved.orderId(), reserved.quantity())))
                  .toList());
      case StockReleased released ->
          new InventoryState(stock.onHand(), without(stock, released.orderId()));
      case StockShipped shipped ->
          new InventoryState(
              stock.onHand() - shipped.quantity(), without(stock, shipped.orderId()));
    };
  }

  private static List<Reservation> without(InventoryState stock, String orderId) {
    return stock.reservations().stream().filter(r -> !r.orderId().equals(orderId)).toList();
  }
}
