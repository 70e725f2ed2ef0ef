package io.cairn.commerce.checkout;

import io.cairn.commerce.checkout.CheckoutState.Line;
import io.cairn.commerce.customers.Customers;
import io.cairn.commerce.inventory.Inventory;
import io.cairn.commerce.orders.Orders;
import io.cairn.commerce.payments.Payments;
import io.cairn.core.reaction.Send;
import java.util.Locale;

/**
 * The commands a checkout sends, with the steps their outcomes come back under: {@code quote:},
 * {@code reserve:}, {@code release:} and {@code ship:} with a product's id, {@code notify:} with
 * what the customer is told, and one word for the order's and the payment's.
 */
final class CheckoutSends {
  static final String QUOTE = "quote:";
  static final String RESERVE = "reserve:";
  static final String RELEASE = "release:";
  static final String SHIP = "ship:";
  static final String NOTIFY = "notify:";

  private CheckoutSends() {}

  /** A command to one line's stock, under the step {@code <prefix><productId>}. */
  static Send stock(Line line, String prefix, Inventory.Command command) {
    return Send.to(Inventory.TYPE, line.productId(), command).as(prefix + line.productId());
  }

  static Send tell(CheckoutState checkout, Customers.Notification kind, String reason) {
    return Send.to(
            Customers.TYPE,
            checkout.customerId(),
            new Customers.NotifyCustomer(kind, checkout.orderId(), reason))
        .as(NOTIFY + kind.name().toLowerCase(Locale.ROOT));
  }

  static Send order(CheckoutState checkout, Orders.Command command) {
    return Send.to(Orders.TYPE, checkout.orderId(), command);
  }

  static Send payment(CheckoutState checkout, Payments.Command command) {
    return Send.to(Payments.TYPE, checkout.orderId(), command);
  }
}
