package io.cairn.commerce.checkout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where one checkout is: its order, the lines as priced and reserved so far, its phase, and the
 * steps whose outcome it still waits for before it ends.
 *
 * @param orderId the order, the checked-out cart's id
 * @param customerId the customer
 * @param paymentToken the provider's token the order is paid with
 * @param phase where it is
 * @param lines the order's lines
 * @param cancelReason why the order is cancelled, once it is
 * @param paymentAsked whether an authorisation was asked, so a cancellation voids it
 * @param awaiting the steps of an ending phase still unanswered
 */
public record CheckoutState(
    String orderId,
    String customerId,
    String paymentToken,
    Phase phase,
    List<Line> lines,
    String cancelReason,
    boolean paymentAsked,
    List<String> awaiting) {

  /** Freezes the lists. */
  public CheckoutState {
    lines = List.copyOf(lines);
    awaiting = List.copyOf(awaiting);
  }

  /** Where a checkout is. */
  public enum Phase {
    /** Each line's product is asked for its price. */
    PRICING,
    /** The checkout could not be priced; the order is being refused. */
    REFUSING,
    /** The priced order is being placed. */
    PLACING,
    /** Stock is being reserved for every line. */
    RESERVING,
    /** The provider is asked to authorise the payment. */
    AUTHORIZING,
    /** The order is being confirmed. */
    CONFIRMING,
    /** The order is confirmed: it waits to ship or to be cancelled. */
    CONFIRMED,
    /** The payment is being captured and the stock shipped. */
    SHIPPING,
    /** The stock is being released, the payment voided, the order cancelled. */
    CANCELLING
  }

  /**
   * A line of the order.
   *
   * @param productId the product
   * @param quantity its units
   * @param unitPriceMinor its quoted unit price; null until quoted
   * @param currency the quoted price's currency; null until quoted
   * @param unavailable whether the product refused to quote (unknown or discontinued)
   * @param reserved whether its stock is reserved
   */
  public record Line(
      String productId,
      int quantity,
      Long unitPriceMinor,
      String currency,
      boolean unavailable,
      boolean reserved) {

    static Line of(String productId, int quantity) {
      return new Line(productId, quantity, null, null, false, false);
    }

    boolean priced() {
      return unavailable || unitPriceMinor != null;
    }

    Line quoted(long priceMinor, String quotedIn) {
      return new Line(productId, quantity, priceMinor, quotedIn, false, reserved);
    }

    Line refused() {
      return new Line(productId, quantity, null, null, true, reserved);
    }

    Line reservedNow() {
      return new Line(productId, quantity, unitPriceMinor, currency, unavailable, true);
    }
  }

  CheckoutState in(Phase next) {
    return new CheckoutState(
        orderId, customerId, paymentToken, next, lines, cancelReason, paymentAsked, awaiting);
  }

  CheckoutState withLine(String productId, UnaryOperator<Line> change) {
    List<Line> changed = new ArrayList<>();
    for (Line line : lines) {
      changed.add(line.productId().equals(productId) ? change.apply(line) : line);
    }
    return new CheckoutState(
        orderId, customerId, paymentToken, phase, changed, cancelReason, paymentAsked, awaiting);
  }

  CheckoutState askingPayment() {
    return new CheckoutState(
        orderId, customerId, paymentToken, phase, lines, cancelReason, true, awaiting);
  }

  CheckoutState ending(Phase next, String reason, List<String> steps) {
    return new CheckoutState(
        orderId, customerId, paymentToken, next, lines, reason, paymentAsked, steps);
  }

  CheckoutState answered(String step) {
    List<String> left = new ArrayList<>(awaiting);
    left.remove(step);
    return new CheckoutState(
        orderId, customerId, paymentToken, phase, lines, cancelReason, paymentAsked, left);
  }

  boolean hasLine(String productId) {
    return lines.stream().anyMatch(line -> line.productId().equals(productId));
  }
}
