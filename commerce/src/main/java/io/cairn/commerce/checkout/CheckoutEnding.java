package io.cairn.commerce.checkout;

import static io.cairn.commerce.checkout.CheckoutSends.RELEASE;
import static io.cairn.commerce.checkout.CheckoutSends.SHIP;
import static io.cairn.commerce.checkout.CheckoutSends.order;
import static io.cairn.commerce.checkout.CheckoutSends.payment;
import static io.cairn.commerce.checkout.CheckoutSends.stock;
import static io.cairn.commerce.checkout.CheckoutSends.tell;

import io.cairn.commerce.checkout.CheckoutState.Line;
import io.cairn.commerce.checkout.CheckoutState.Phase;
import io.cairn.commerce.customers.Customers;
import io.cairn.commerce.inventory.Inventory;
import io.cairn.commerce.orders.Orders;
import io.cairn.commerce.payments.Payments;
import io.cairn.core.reaction.Send;
import io.cairn.core.reaction.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * How a checkout ends: shipped (the payment captured, the stock shipped), or undone (the stock
 * released, the payment voided or refunded, the order cancelled), each once every command of that
 * last phase is answered.
 */
final class CheckoutEnding {
  private CheckoutEnding() {}

  static Step<CheckoutState> shipping(CheckoutState checkout) {
    List<Send> sends = new ArrayList<>();
    sends.add(payment(checkout, new Payments.CapturePayment()).as("capture"));
    for (Line line : checkout.lines()) {
      sends.add(stock(line, SHIP, new Inventory.ShipStock(checkout.orderId())));
    }
    return Step.to(checkout.ending(Phase.SHIPPING, null, sends.stream().map(Send::step).toList()))
        .send(sends)
        .send(tell(checkout, Customers.Notification.ORDER_SHIPPED, null));
  }

  static Step<CheckoutState> refund(CheckoutState checkout) {
    List<String> awaiting = new ArrayList<>(checkout.answered("void").awaiting());
    awaiting.add("refund");
    awaiting.add("refunded");
    return Step.to(checkout.ending(Phase.CANCELLING, checkout.cancelReason(), awaiting))
        .send(payment(checkout, new Payments.RefundPayment(checkout.cancelReason())).as("refund"));
  }

  /** Undoes the checkout and cancels its order. */
  static Step<CheckoutState> cancelling(
      CheckoutState checkout, String reason, boolean voidPayment) {
    return undo(checkout, reason, voidPayment, true).cancel(Checkout.PAYMENT_DEADLINE);
  }

  /** Undoes the checkout of an order someone else cancelled; the checkout's own is heard too. */
  static Step<CheckoutState> cancelledElsewhere(CheckoutState checkout, String reason) {
    return switch (checkout.phase()) {
      case PLACING, RESERVING, AUTHORIZING, CONFIRMING, CONFIRMED ->
          undo(checkout, reason, checkout.paymentAsked(), false)
              .send(tell(checkout, Customers.Notification.ORDER_CANCELLED, reason))
              .cancel(Checkout.PAYMENT_DEADLINE);
      case PRICING, REFUSING, CANCELLING, SHIPPING -> Step.to(checkout);
    };
  }

  static Step<CheckoutState> undo(
      CheckoutState checkout, String reason, boolean voidPayment, boolean cancelOrder) {
    List<Send> sends = new ArrayList<>();
    for (Line line : checkout.lines()) {
      sends.add(stock(line, RELEASE, new Inventory.ReleaseStock(checkout.orderId())));
    }
    if (voidPayment) {
      sends.add(payment(checkout, new Payments.VoidPayment(reason)).as("void"));
    }
    if (cancelOrder) {
      sends.add(order(checkout, new Orders.CancelOrder(reason)).as("cancel"));
    }
    return Step.to(
            checkout.ending(Phase.CANCELLING, reason, sends.stream().map(Send::step).toList()))
        .send(sends);
  }

  static Step<CheckoutState> answered(CheckoutState checkout, String step) {
    CheckoutState after = checkout.answered(step);
    if (!after.awaiting().isEmpty()) {
      return Step.to(after);
    }
    return switch (after.phase()) {
      case SHIPPING -> Step.to(after).completed();
      case REFUSING, CANCELLING -> Step.to(after).compensated();
      case PRICING, PLACING, RESERVING, AUTHORIZING, CONFIRMING, CONFIRMED -> Step.to(after);
    };
  }
}
