package io.cairn.commerce.checkout;

import io.cairn.commerce.carts.Carts;
import io.cairn.commerce.orders.Orders;
import io.cairn.commerce.payments.Payments;
import io.cairn.commerce.products.Products;
import io.cairn.core.reaction.ProcessManager;
import io.cairn.core.view.SourcedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The checkout saga: a checked-out cart becomes an order with the cart's id, priced from the
 * products, its stock reserved and its payment authorised, then confirmed; shipping captures the
 * payment and ships the stock, and any failure or cancellation on the way releases the stock and
 * voids the payment, so that nothing is left stranded. One process per order ({@link
 * CheckoutReactor} says what it does at each step).
 */
public final class Checkout {
  /** The process manager's name, in its URL. */
  public static final String NAME = "checkout";

  /** The deadline of the payment's authorisation. */
  public static final String PAYMENT_DEADLINE = "payment";

  /** Why a checkout was refused or its order cancelled. */
  public static final String PRODUCT_UNAVAILABLE = "product_unavailable";

  /** Lines priced in different currencies cannot make one order. */
  public static final String MIXED_CURRENCIES = "mixed_currencies";

  /** Stock could not be reserved for a line. */
  public static final String OUT_OF_STOCK = "out_of_stock";

  /** The provider declined the payment. */
  public static final String PAYMENT_DECLINED = "payment_declined";

  /** The provider did not answer in time. */
  public static final String PAYMENT_TIMEOUT = "payment_timeout";

  /** The payment could not even be asked for. */
  public static final String PAYMENT_FAILED = "payment_failed";

  /** What a checkout hears from its sources. */
  public sealed interface Message
      permits CheckedOut, Quoted, Authorized, Declined, OrderShipped, OrderCancelled, Refunded {}

  /**
   * A cart was checked out.
   *
   * @param orderId the cart's id, the order's
   * @param customerId the customer
   * @param lines the cart's lines
   * @param paymentToken the provider's token to pay with
   */
  public record CheckedOut(
      String orderId, String customerId, List<Carts.CartLine> lines, String paymentToken)
      implements Message {}

  /**
   * A product quoted its price for the order.
   *
   * @param productId the product
   * @param priceMinor its unit price
   * @param currency the price's currency
   */
  public record Quoted(String productId, long priceMinor, String currency) implements Message {}

  /** The provider authorised the payment. */
  public record Authorized() implements Message {}

  /**
   * The provider declined the payment.
   *
   * @param reason its reason
   */
  public record Declined(String reason) implements Message {}

  /** The order shipped. */
  public record OrderShipped() implements Message {}

  /**
   * The order was cancelled, by the checkout or by someone else.
   *
   * @param reason why
   */
  public record OrderCancelled(String reason) implements Message {}

  /** The provider refunded the payment. */
  public record Refunded() implements Message {}

  private Checkout() {}

  /**
   * The process manager.
   *
   * @param paymentTimeout how long the provider has to answer an authorisation before the checkout
   *     voids it and cancels the order
   */
  public static ProcessManager<CheckoutState, Message> manager(Duration paymentTimeout) {
    if (paymentTimeout.isNegative() || paymentTimeout.isZero()) {
      throw new IllegalArgumentException("the payment timeout is positive, not " + paymentTimeout);
    }
    return ProcessManager.named(
            NAME, new CheckoutReactor(paymentTimeout), CheckoutState.class, Message.class)
        .on(Carts.TYPE, Checkout::fromCart)
        .on(Products.TYPE, Checkout::fromProduct)
        .on(Orders.TYPE, Checkout::fromOrder)
        .on(Payments.TYPE, Checkout::fromPayment)
        .actingFor(process -> Optional.ofNullable(process).map(CheckoutState::customerId))
        .build();
  }

  private static Optional<ProcessManager.Routed<Message>> fromCart(
      SourcedEvent<Carts.Event, Carts.CartState> event) {
    return switch (event.event()) {
      case Carts.CartCheckedOut out ->
          routed(
              event.aggregateId(),
              new CheckedOut(
                  event.aggregateId(),
                  out.customerId(),
                  out.lines(),
                  out.paymentToken() == null ? Carts.DEFAULT_PAYMENT_TOKEN : out.paymentToken()));
      case Carts.ItemAdded added -> Optional.empty();
      case Carts.ItemRemoved removed -> Optional.empty();
    };
  }

  private static Optional<ProcessManager.Routed<Message>> fromProduct(
      SourcedEvent<Products.Event, Products.ProductState> event) {
    return switch (event.event()) {
      case Products.ProductQuoted quoted ->
          routed(
              quoted.orderId(),
              new Quoted(event.aggregateId(), quoted.priceMinor(), quoted.currency()));
      case Products.ProductDefined other -> Optional.empty();
      case Products.PriceChanged other -> Optional.empty();
      case Products.RatingGiven other -> Optional.empty();
      case Products.RatingRevised other -> Optional.empty();
      case Products.ProductDiscontinued other -> Optional.empty();
    };
  }

  private static Optional<ProcessManager.Routed<Message>> fromOrder(
      SourcedEvent<Orders.Event, Orders.OrderState> event) {
    return switch (event.event()) {
      case Orders.OrderShipped shipped -> routed(event.aggregateId(), new OrderShipped());
      case Orders.OrderCancelled cancelled ->
          routed(event.aggregateId(), new OrderCancelled(cancelled.reason()));
      case Orders.OrderPlaced other -> Optional.empty();
      case Orders.OrderConfirmed other -> Optional.empty();
      case Orders.OrderRefused other -> Optional.empty();
    };
  }

  private static Optional<ProcessManager.Routed<Message>> fromPayment(
      SourcedEvent<Payments.Event, Payments.PaymentState> event) {
    return switch (event.event()) {
      case Payments.PaymentAuthorized authorized -> routed(event.aggregateId(), new Authorized());
      case Payments.PaymentDeclined declined ->
          routed(event.aggregateId(), new Declined(declined.reason()));
      case Payments.AuthorizationRequested other -> Optional.empty();
      case Payments.CaptureRequested other -> Optional.empty();
      case Payments.PaymentCaptured other -> Optional.empty();
      case Payments.VoidRequested other -> Optional.empty();
      case Payments.PaymentVoided other -> Optional.empty();
      case Payments.RefundRequested other -> Optional.empty();
      case Payments.PaymentRefunded refunded -> routed(event.aggregateId(), new Refunded());
    };
  }

  private static Optional<ProcessManager.Routed<Message>> routed(String orderId, Message message) {
    return Optional.of(new ProcessManager.Routed<>(orderId, message));
  }
}
