package io.cairn.commerce.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.carts.Carts;
import io.cairn.commerce.customers.Customers;
import io.cairn.commerce.inventory.Inventory;
import io.cairn.commerce.orders.Orders;
import io.cairn.commerce.payments.Payments;
import io.cairn.commerce.products.Products;
import io.cairn.core.reaction.Input;
import io.cairn.core.reaction.ProcessManager;
import io.cairn.core.reaction.ProcessStatus;
import io.cairn.core.reaction.Send;
import io.cairn.core.testing.AggregateHistory;
import io.cairn.core.testing.ProcessSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckoutTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Instant AT = Instant.parse("2026-12-02T09:00:00Z");
  private final ProcessManager<CheckoutState, Checkout.Message> manager = Checkout.manager(TIMEOUT);
  private final AggregateHistory<Carts.Event, Carts.CartState> cart =
      new AggregateHistory<>(Carts.TYPE, "o1");
  private final AggregateHistory.Happened<Carts.Event, Carts.CartState> checkedOut;
  private final AggregateHistory.Happened<Products.Event, Products.ProductState> teaQuoted =
      quoted("tea", 450, "EUR");
  private final AggregateHistory.Happened<Products.Event, Products.ProductState> mugQuoted =
      quoted("mug", 1_200, "EUR");

  CheckoutTest() {
    cart.then(new Carts.ItemAdded("tea", 2));
    cart.then(new Carts.ItemAdded("mug", 1));
    checkedOut =
        cart.then(
            new Carts.CartCheckedOut(
                "c1",
                List.of(new Carts.CartLine("tea", 2), new Carts.CartLine("mug", 1)),
                "tok_ok"));
  }

  private static AggregateHistory.Happened<Products.Event, Products.ProductState> quoted(
      String productId, long price, String currency) {
    var product = new AggregateHistory<>(Products.TYPE, productId);
    product.then(new Products.ProductDefined(productId, "shop", price, currency));
    return product.then(new Products.ProductQuoted("o1", price, currency));
  }

  private ProcessSpec<CheckoutState, Checkout.Message> checkout() {
    return ProcessSpec.of(manager, "o1");
  }

  private ProcessSpec<CheckoutState, Checkout.Message> placed() {
    return checkout().given(checkedOut, teaQuoted, mugQuoted, Input.accepted("place", AT));
  }

  private ProcessSpec<CheckoutState, Checkout.Message> authorizing() {
    return placed().given(Input.accepted("reserve:tea", AT), Input.accepted("reserve:mug", AT));
  }

  private ProcessSpec<CheckoutState, Checkout.Message> confirmed() {
    return authorizing()
        .given(Input.message(new Checkout.Authorized(), AT), Input.accepted("confirm", AT));
  }

  private static Send release(String productId) {
    return Send.to(Inventory.TYPE, productId, new Inventory.ReleaseStock("o1"))
        .as("release:" + productId);
  }

  private static Send notify(Customers.Notification kind, String reason) {
    return Send.to(Customers.TYPE, "c1", new Customers.NotifyCustomer(kind, "o1", reason))
        .as("notify:" + kind.name().toLowerCase(java.util.Locale.ROOT));
  }

  private static Send cancel(String reason) {
    return Send.to(Orders.TYPE, "o1", new Orders.CancelOrder(reason)).as("cancel");
  }

  @Test
  void aCheckedOutCartAsksEachProductForItsPrice() {
    checkout()
        .when(checkedOut)
        .thenSends(
            Send.to(Products.TYPE, "tea", new Products.QuoteProduct("o1")).as("quote:tea"),
            Send.to(Products.TYPE, "mug", new Products.QuoteProduct("o1")).as("quote:mug"))
        .thenStatus(ProcessStatus.RUNNING);
  }

  @Test
  void onceEveryLineIsPricedTheOrderIsPlacedWithThosePrices() {
    checkout()
        .given(checkedOut, teaQuoted)
        .when(mugQuoted)
        .thenSends(
            Send.to(
                    Orders.TYPE,
                    "o1",
                    new Orders.PlaceOrder(
                        "c1",
                        "EUR",
                        List.of(
                            new Orders.OrderLine("tea", 2, 450),
                            new Orders.OrderLine("mug", 1, 1_200))))
                .as("place"));
  }

  @Test
  void aProductThatWillNotQuoteRefusesTheOrder() {
    var refusing = checkout().given(checkedOut, teaQuoted);
    refusing
        .when(Input.rejected("quote:mug", "product_discontinued", AT))
        .thenSends(
            Send.to(Orders.TYPE, "o1", new Orders.RefuseOrder("c1", Checkout.PRODUCT_UNAVAILABLE))
                .as("refuse"));
    refusing
        .given(Input.rejected("quote:mug", "product_not_found", AT))
        .when(Input.accepted("refuse", AT))
        .thenStatus(ProcessStatus.COMPENSATED);
  }

  @Test
  void linesPricedInDifferentCurrenciesRefuseTheOrder() {
    checkout()
        .given(checkedOut, teaQuoted)
        .when(quoted("mug", 1_000, "GBP"))
        .thenSends(
            Send.to(Orders.TYPE, "o1", new Orders.RefuseOrder("c1", Checkout.MIXED_CURRENCIES))
                .as("refuse"));
  }

  @Test
  void thePlacedOrderReservesStockForEveryLine() {
    checkout()
        .given(checkedOut, teaQuoted, mugQuoted)
        .when(Input.accepted("place", AT))
        .thenSends(
            Send.to(Inventory.TYPE, "tea", new Inventory.ReserveStock("o1", 2)).as("reserve:tea"),
            Send.to(Inventory.TYPE, "mug", new Inventory.ReserveStock("o1", 1)).as("reserve:mug"));
  }

  @Test
  void onceAllStockIsReservedThePaymentIsAskedForWithADeadline() {
    placed()
        .given(Input.accepted("reserve:tea", AT))
        .when(Input.accepted("reserve:mug", AT))
        .thenSends(
            Send.to(
                    Payments.TYPE,
                    "o1",
                    new Payments.AuthorizePayment("o1", 2 * 450 + 1_200, "EUR", "tok_ok"))
                .as("authorize"))
        .thenSchedules(Checkout.PAYMENT_DEADLINE, AT.plus(TIMEOUT));
  }

  @Test
  void aRefusedReservationReleasesEveryLineAndCancelsTheOrderOutOfStock() {
    var cancelling = placed().given(Input.accepted("reserve:tea", AT));
    cancelling
        .when(Input.rejected("reserve:mug", "insufficient_stock", AT))
        .thenSends(release("tea"), release("mug"), cancel(Checkout.OUT_OF_STOCK));
    var undone =
        cancelling.given(
            Input.rejected("reserve:mug", "insufficient_stock", AT),
            Input.accepted("release:tea", AT),
            Input.accepted("release:mug", AT));
    assertThat(undone.state().cancelReason()).isEqualTo(Checkout.OUT_OF_STOCK);
    undone
        .when(Input.accepted("cancel", AT))
        .thenSends(notify(Customers.Notification.ORDER_CANCELLED, Checkout.OUT_OF_STOCK))
        .thenStatus(ProcessStatus.COMPENSATED);
    undone
        .given(Input.rejected("notify:order_confirmed", "customer_not_found", AT))
        .when(Input.accepted("cancel", AT))
        .thenStatus(ProcessStatus.COMPENSATED);
  }

  @Test
  void anAuthorisedPaymentConfirmsTheOrder() {
    authorizing()
        .when(Input.message(new Checkout.Authorized(), AT))
        .thenSends(Send.to(Orders.TYPE, "o1", new Orders.ConfirmOrder()).as("confirm"))
        .thenCancels(Checkout.PAYMENT_DEADLINE);
    authorizing()
        .given(Input.message(new Checkout.Authorized(), AT))
        .when(Input.accepted("confirm", AT))
        .thenSends(notify(Customers.Notification.ORDER_CONFIRMED, null));
    assertThat(confirmed().state().phase()).isEqualTo(CheckoutState.Phase.CONFIRMED);
  }

  @Test
  void aDeclinedPaymentReleasesTheStockAndCancelsTheOrder() {
    authorizing()
        .when(Input.message(new Checkout.Declined("declined"), AT))
        .thenSends(release("tea"), release("mug"), cancel(Checkout.PAYMENT_DECLINED))
        .thenCancels(Checkout.PAYMENT_DEADLINE);
  }

  @Test
  void aProviderThatDoesNotAnswerInTimeHasItsAuthorisationVoided() {
    authorizing()
        .when(Input.deadline(Checkout.PAYMENT_DEADLINE, AT.plus(TIMEOUT)))
        .thenSends(
            release("tea"),
            release("mug"),
            Send.to(Payments.TYPE, "o1", new Payments.VoidPayment(Checkout.PAYMENT_TIMEOUT))
                .as("void"),
            cancel(Checkout.PAYMENT_TIMEOUT));
  }

  @Test
  void aShippedOrderCapturesThePaymentAndShipsTheStock() {
    var shipping = confirmed().given(Input.message(new Checkout.OrderShipped(), AT));
    confirmed()
        .when(Input.message(new Checkout.OrderShipped(), AT))
        .thenSends(
            Send.to(Payments.TYPE, "o1", new Payments.CapturePayment()).as("capture"),
            Send.to(Inventory.TYPE, "tea", new Inventory.ShipStock("o1")).as("ship:tea"),
            Send.to(Inventory.TYPE, "mug", new Inventory.ShipStock("o1")).as("ship:mug"),
            notify(Customers.Notification.ORDER_SHIPPED, null));
    shipping
        .given(Input.accepted("capture", AT), Input.accepted("ship:tea", AT))
        .when(Input.accepted("ship:mug", AT))
        .thenStatus(ProcessStatus.COMPLETED);
  }

  @Test
  void anOrderTheCustomerCancelsHasItsStockReleasedAndItsPaymentVoidedOrRefunded() {
    var cancelled = Input.<Checkout.Message>message(new Checkout.OrderCancelled("changed"), AT);
    confirmed()
        .when(cancelled)
        .thenSends(
            release("tea"),
            release("mug"),
            Send.to(Payments.TYPE, "o1", new Payments.VoidPayment("changed")).as("void"),
            notify(Customers.Notification.ORDER_CANCELLED, "changed"));
    var voiding = confirmed().given(cancelled);
    voiding
        .when(Input.rejected("void", Payments.CAPTURED_RULE, AT))
        .thenSends(
            Send.to(Payments.TYPE, "o1", new Payments.RefundPayment("changed")).as("refund"));
    voiding
        .given(Input.accepted("release:tea", AT), Input.accepted("release:mug", AT))
        .when(Input.accepted("void", AT))
        .thenStatus(ProcessStatus.COMPENSATED);
    voiding
        .given(
            Input.accepted("release:tea", AT),
            Input.accepted("release:mug", AT),
            Input.rejected("void", Payments.CAPTURED_RULE, AT),
            Input.accepted("refund", AT))
        .when(Input.message(new Checkout.Refunded(), AT))
        .thenSends(notify(Customers.Notification.PAYMENT_REFUNDED, null))
        .thenStatus(ProcessStatus.COMPENSATED);
  }

  @Test
  void ordersAndPaymentsMadeWithoutACheckoutStartNone() {
    var order = new AggregateHistory<>(Orders.TYPE, "o1");
    order.then(new Orders.OrderPlaced("c1", "EUR", List.of(new Orders.OrderLine("p", 1, 1)), 1));
    checkout()
        .when(order.then(new Orders.OrderCancelled("late")))
        .thenSends()
        .thenState(null)
        .thenStatus(ProcessStatus.RUNNING);
  }
}
