package io.cairn.commerce.carts;

import static io.cairn.core.aggregate.Decision.accept;
import static io.cairn.core.aggregate.Decision.reject;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.aggregate.CustomerAccess;
import io.cairn.core.aggregate.Decider;
import io.cairn.core.aggregate.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A shopping cart: items are added and removed until the cart is checked out for a customer. */
public final class Carts implements Decider<Carts.Command, Carts.Event, Carts.CartState> {

  /** The carts, keyed by cart id. */
  public static final AggregateType<Command, Event, CartState> TYPE =
      new AggregateType<>("carts", new Carts(), Command.class, Event.class, CartState.class)
          .withCustomerAccess(
              new CustomerAccess<>(
                  Carts::sentByCustomers,
                  Carts::customerNamed,
                  (id, cart) -> Optional.ofNullable(cart.customerId())));

  /**
   * A customer checks a cart out for itself; a cart is nobody's until then, so filling it is the
   * storefront's, with {@code cairn:command}.
   */
  private static boolean sentByCustomers(Command command) {
    return switch (command) {
      case CheckOut checkOut -> true;
      case AddItem add -> false;
      case RemoveItem remove -> false;
    };
  }

  private static Optional<String> customerNamed(Command command) {
    return switch (command) {
      case CheckOut checkOut -> Optional.ofNullable(checkOut.customerId());
      case AddItem add -> Optional.empty();
      case RemoveItem remove -> Optional.empty();
    };
  }

  /** What a cart is asked to do. */
  public sealed interface Command permits AddItem, RemoveItem, CheckOut {}

  /** Add units of a product; they add up with the units already in the cart. */
  public record AddItem(String productId, int quantity) implements Command {}

  /** Remove a product's line. */
  public record RemoveItem(String productId) implements Command {}

  /**
   * Check the cart out; it accepts no changes afterwards.
   *
   * @param customerId the customer checking out
   * @param paymentToken the provider's token for how the customer pays; {@code null} for {@link
   *     #DEFAULT_PAYMENT_TOKEN}
   */
  public record CheckOut(String customerId, String paymentToken) implements Command {}

  /** The payment token of a checkout that names none: one the provider authorises. */
  public static final String DEFAULT_PAYMENT_TOKEN = "tok_ok";

  /** What happened to a cart. */
  public sealed interface Event permits ItemAdded, ItemRemoved, CartCheckedOut {}

  /** Units of a product were added. */
  public record ItemAdded(String productId, int quantity) implements Event {}

  /** A product's line was removed. */
  public record ItemRemoved(String productId) implements Event {}

  /**
   * The cart was checked out with these lines.
   *
   * @param customerId the customer who checked out
   * @param lines the cart's lines
   * @param paymentToken how the customer pays; {@code null} in carts checked out before tokens were
   *     asked for, which pay with {@link #DEFAULT_PAYMENT_TOKEN}
   */
  public record CartCheckedOut(String customerId, List<CartLine> lines, String paymentToken)
      implements Event {}

  /** A line of a cart: units of one product. */
  public record CartLine(String productId, int quantity) {}

  /** Where a cart is in its life. */
  public enum CartStatus {
    OPEN,
    CHECKED_OUT
  }

  /** A cart: open (possibly empty) until checked out. */
  public record CartState(CartStatus status, String customerId, List<CartLine> lines) {}

  @Override
  public CartState initialState() {
    return new CartState(CartStatus.OPEN, null, List.of());
  }

  @Override
  public Decision<Event> decide(Command command, CartState cart) {
    if (cart.status() == CartStatus.CHECKED_OUT) {
      return reject("cart_checked_out", "The cart is checked out and accepts no changes.");
    }
    return switch (command) {
      case AddItem add ->
          add.quantity() < 1
              ? reject("invalid_quantity", "A quantity is at least 1.")
              : accept(new ItemAdded(add.productId(), add.quantity()));
      case RemoveItem remove ->
          line(cart, remove.productId()) == null
              ? reject("item_not_in_cart", "Product " + remove.productId() + " is not in the cart.")
              : accept(new ItemRemoved(remove.productId()));
      case CheckOut checkOut ->
          cart.lines().isEmpty()
              ? reject("cart_empty", "An empty cart cannot be checked out.")
              : accept(
                  new CartCheckedOut(
                      checkOut.customerId(),
                      cart.lines(),
                      checkOut.paymentToken() == null
                          ? DEFAULT_PAYMENT_TOKEN
                          : checkOut.paymentToken()));
    };
  }

  @Override
  public CartState evolve(CartState cart, Event event) {
    return switch (event) {
      case ItemAdded added ->
          new CartState(cart.status(), cart.customerId(), withAdded(cart, added));
      case ItemRemoved removed ->
          new CartState(
              cart.status(),
              cart.customerId(),
              cart.lines().stream()
                  .filter(l -> !l.productId().equals(removed.productId()))
                  .toList());
      case CartCheckedOut checkedOut ->
          new CartState(CartStatus.CHECKED_OUT, checkedOut.customerId(), cart.lines());
    };
  }

  private static List<CartLine> withAdded(CartState cart, ItemAdded added) {
    List<CartLine> lines = new ArrayList<>();
    boolean merged = false;
    for (CartLine line : cart.lines()) {
      if (line.productId().equals(added.productId())) {
        lines.add(new CartLine(line.productId(), line.quantity() + added.quantity()));
        merged = true;
      } else {
        lines.add(line);
      }
    }
    if (!merged) {
      lines.add(new CartLine(added.productId(), added.quantity()));
    }
    return List.copyOf(lines);
  }

  private static CartLine line(CartState cart, String productId) {
    return cart.lines().stream()
        .filter(l -> l.productId().equals(productId))
        .findFirst()
        .orElse(null);
  }
}
