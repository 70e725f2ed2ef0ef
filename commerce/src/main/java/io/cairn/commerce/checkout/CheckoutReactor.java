package io.cairn.commerce.checkout;

import static io.cairn.commerce.checkout.CheckoutEnding.answered;
import static io.cairn.commerce.checkout.CheckoutEnding.cancelledElsewhere;
import static io.cairn.commerce.checkout.CheckoutEnding.cancelling;
import static io.cairn.commerce.checkout.CheckoutEnding.refund;
import static io.cairn.commerce.checkout.CheckoutEnding.shipping;
import static io.cairn.commerce.checkout.CheckoutSends.NOTIFY;
import static io.cairn.commerce.checkout.CheckoutSends.QUOTE;
import static io.cairn.commerce.checkout.CheckoutSends.RESERVE;
import static io.cairn.commerce.checkout.CheckoutSends.order;
import static io.cairn.commerce.checkout.CheckoutSends.stock;
import static io.cairn.commerce.checkout.CheckoutSends.tell;

import io.cairn.commerce.checkout.CheckoutState.Line;
import io.cairn.commerce.checkout.CheckoutState.Phase;
import io.cairn.commerce.customers.Customers;
import io.cairn.commerce.inventory.Inventory;
import io.cairn.commerce.orders.Orders;
import io.cairn.commerce.payments.Payments;
import io.cairn.commerce.products.Products;
import io.cairn.core.reaction.Input;
import io.cairn.core.reaction.Reactor;
import io.cairn.core.reaction.Send;
import io.cairn.core.reaction.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a checkout does at each input: prices the lines, places the order, reserves the stock, asks
 * for the payment and confirms; on a refusal, a decline, a timeout or a cancellation it releases
 * the stock, voids the payment and cancels the order, and it ends once every command of that last
 * phase is answered. The customer is notified of each change they hear of; a notification refused
 * (a customer without a profile) changes nothing else.
 */
final class CheckoutReactor implements Reactor<CheckoutState, Checkout.Message> {

  private final Duration paymentTimeout;

  CheckoutReactor(Duration paymentTimeout) {
    this.paymentTimeout = paymentTimeout;
  }

  @Override
  public CheckoutState initialState() {
    return null;
  }

  @Override
  public Step<CheckoutState> react(CheckoutState checkout, Input<Checkout.Message> input) {
    if (checkout == null) {
      // Only a checked-out cart starts a checkout; orders and payments made without one have none.
      return input instanceof Input.Message<Checkout.Message>(Checkout.CheckedOut out, var at)
          ? start(out)
          : Step.to(null);
    }
    return switch (input) {
      case Input.Message<Checkout.Message> heard -> heard(checkout, heard.message());
      case Input.Accepted<Checkout.Message> done -> accepted(checkout, done.step(), done.at());
      case Input.Rejected<Checkout.Message> refused ->
          rejected(checkout, refused.step(), refused.rule());
      case Input.DeadlinePassed<Checkout.Message> passed ->
          checkout.phase() == Phase.AUTHORIZING
              ? cancelling(checkout, Checkout.PAYMENT_TIMEOUT, true)
              : Step.to(checkout);
    };
  }

  private static Step<CheckoutState> start(Checkout.CheckedOut out) {
    List<Line> lines = out.lines().stream().map(l -> Line.of(l.productId(), l.quantity())).toList();
    CheckoutState checkout =
        new CheckoutState(
            out.orderId(),
            out.customerId(),
            out.paymentToken(),
            Phase.PRICING,
            lines,
            null,
            false,
            List.of());
    return Step.to(checkout)
        .send(
            lines.stream()
                .map(
                    line ->
                        Send.to(
                                Products.TYPE,
                                line.productId(),
                                new Products.QuoteProduct(out.orderId()))
                            .as(QUOTE + line.productId()))
                .toList());
  }

  private Step<CheckoutState> heard(CheckoutState checkout, Checkout.Message message) {
    Phase phase = checkout.phase();
    return switch (message) {
      case Checkout.CheckedOut again -> Step.to(checkout);
      case Checkout.Quoted quoted ->
          phase == Phase.PRICING && checkout.hasLine(quoted.productId())
              ? priced(
                  checkout.withLine(
                      quoted.productId(), l -> l.quoted(quoted.priceMinor(), quoted.currency())))
              : Step.to(checkout);
      case Checkout.Authorized authorized ->
          phase == Phase.AUTHORIZING
              ? Step.to(checkout.in(Phase.CONFIRMING))
                  .send(order(checkout, new Orders.ConfirmOrder()).as("confirm"))
                  .cancel(Checkout.PAYMENT_DEADLINE)
              : Step.to(checkout);
      case Checkout.Declined declined ->
          phase == Phase.AUTHORIZING
              ? cancelling(checkout, Checkout.PAYMENT_DECLINED, false)
              : Step.to(checkout);
      case Checkout.OrderShipped shipped ->
          phase == Phase.CONFIRMED || phase == Phase.CONFIRMING
              ? shipping(checkout)
              : Step.to(checkout);
      case Checkout.OrderCancelled cancelled -> cancelledElsewhere(checkout, cancelled.reason());
      case Checkout.Refunded refunded ->
          phase == Phase.CANCELLING
              ? answered(checkout, "refunded")
                  .send(tell(checkout, Customers.Notification.PAYMENT_REFUNDED, null))
              : Step.to(checkout);
    };
  }

  /** Places the order once every line is priced, or refuses it. */
  private static Step<CheckoutState> priced(CheckoutState checkout) {
    List<Line> lines = checkout.lines();
    if (!lines.stream().allMatch(Line::priced)) {
      return Step.to(checkout);
    }
    if (lines.stream().anyMatch(Line::unavailable)) {
      return refuse(checkout, Checkout.PRODUCT_UNAVAILABLE);
    }
    if (lines.stream().map(Line::currency).distinct().count() > 1) {
      return refuse(checkout, Checkout.MIXED_CURRENCIES);
    }
    List<Orders.OrderLine> priced =
        lines.stream()
            .map(l -> new Orders.OrderLine(l.productId(), l.quantity(), l.unitPriceMinor()))
            .toList();
    return Step.to(checkout.in(Phase.PLACING))
        .send(
            order(
                    checkout,
                    new Orders.PlaceOrder(
                        checkout.customerId(), lines.getFirst().currency(), priced))
                .as("place"));
  }

  private static Step<CheckoutState> refuse(CheckoutState checkout, String reason) {
    return Step.to(checkout.ending(Phase.REFUSING, reason, List.of("refuse")))
        .send(order(checkout, new Orders.RefuseOrder(checkout.customerId(), reason)).as("refuse"));
  }

  private Step<CheckoutState> accepted(CheckoutState checkout, String step, Instant at) {
    return switch (checkout.phase()) {
      case PLACING -> "place".equals(step) ? reserve(checkout) : Step.to(checkout);
      case RESERVING ->
          step.startsWith(RESERVE)
              ? reserved(checkout.withLine(step.substring(RESERVE.length()), Line::reservedNow), at)
              : Step.to(checkout);
      case CONFIRMING ->
          "confirm".equals(step)
              ? Step.to(checkout.in(Phase.CONFIRMED))
                  .send(tell(checkout, Customers.Notification.ORDER_CONFIRMED, null))
              : Step.to(checkout);
      case REFUSING, CANCELLING ->
          "refuse".equals(step) || "cancel".equals(step)
              ? answered(checkout, step)
                  .send(
                      tell(
                          checkout,
                          Customers.Notification.ORDER_CANCELLED,
                          checkout.cancelReason()))
              : answered(checkout, step);
      case SHIPPING -> answered(checkout, step);
      case PRICING, AUTHORIZING, CONFIRMED -> Step.to(checkout);
    };
  }

  private static Step<CheckoutState> reserve(CheckoutState checkout) {
    return Step.to(checkout.in(Phase.RESERVING))
        .send(
            checkout.lines().stream()
                .map(
                    line ->
                        stock(
                            line,
                            RESERVE,
                            new Inventory.ReserveStock(checkout.orderId(), line.quantity())))
                .toList());
  }

  /** Asks for the payment once every line's stock is reserved. */
  private Step<CheckoutState> reserved(CheckoutState checkout, Instant at) {
    if (!checkout.lines().stream().allMatch(Line::reserved)) {
      return Step.to(checkout);
    }
    long total = checkout.lines().stream().mapToLong(l -> l.quantity() * l.unitPriceMinor()).sum();
    Payments.AuthorizePayment authorize =
        new Payments.AuthorizePayment(
            checkout.orderId(),
            total,
            checkout.lines().getFirst().currency(),
            checkout.paymentToken());
    return Step.to(checkout.in(Phase.AUTHORIZING).askingPayment())
        .send(Send.to(Payments.TYPE, checkout.orderId(), authorize).as("authorize"))
        .schedule(Checkout.PAYMENT_DEADLINE, at.plus(paymentTimeout));
  }

  private static Step<CheckoutState> rejected(CheckoutState checkout, String step, String rule) {
    if (step.startsWith(NOTIFY)) {
      return Step.to(checkout);
    }
    return switch (checkout.phase()) {
      case PRICING ->
          step.startsWith(QUOTE)
              ? priced(checkout.withLine(step.substring(QUOTE.length()), Line::refused))
              : Step.to(checkout);
      case RESERVING ->
          step.startsWith(RESERVE)
              ? cancelling(checkout, Checkout.OUT_OF_STOCK, false)
              : Step.to(checkout);
      case AUTHORIZING ->
          "authorize".equals(step)
              ? cancelling(checkout, Checkout.PAYMENT_FAILED, false)
              : Step.to(checkout);
      case CANCELLING ->
          "void".equals(step) && Payments.CAPTURED_RULE.equals(rule)
              ? refund(checkout)
              : Step.to(checkout).failed();
      // A confirmation refused because the order was cancelled meanwhile: the cancellation's own
      // message undoes the checkout.
      case CONFIRMING, CONFIRMED -> Step.to(checkout);
      case PLACING, REFUSING, SHIPPING -> Step.to(checkout).failed();
    };
  }
}
