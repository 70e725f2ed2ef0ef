package io.cairn.commerce;

import io.cairn.commerce.carts.CartProjection;
import io.cairn.commerce.carts.Carts;
import io.cairn.commerce.checkout.Checkout;
import io.cairn.commerce.customers.ConnectionsInbox;
import io.cairn.commerce.customers.CustomerNotifications;
import io.cairn.commerce.customers.CustomerOrdersProjection;
import io.cairn.commerce.customers.CustomerProjection;
import io.cairn.commerce.customers.Customers;
import io.cairn.commerce.customers.Donation;
import io.cairn.commerce.customers.Loyalty;
import io.cairn.commerce.customers.RewardsInbox;
import io.cairn.commerce.inventory.Inventory;
import io.cairn.commerce.orders.OrderProjection;
import io.cairn.commerce.orders.OrderPublication;
import io.cairn.commerce.orders.Orders;
import io.cairn.commerce.orders.ShippingDeadline;
import io.cairn.commerce.payments.PaymentProjection;
import io.cairn.commerce.payments.Payments;
import io.cairn.commerce.payments.ProviderCalls;
import io.cairn.commerce.products.ProductProjection;
import io.cairn.commerce.products.Products;
import io.cairn.commerce.reports.CartAbandonment;
import io.cairn.commerce.reports.ConnectionsPerDay;
import io.cairn.commerce.reports.OrderFunnel;
import io.cairn.commerce.reports.PointsFlow;
import io.cairn.commerce.reports.SalesByProduct;
import io.cairn.commerce.reports.StockOuts;
import io.cairn.commerce.reports.TopProducts;
import io.cairn.commerce.subscriptions.CustomerSubscriptionsProjection;
import io.cairn.commerce.subscriptions.SubscriptionOrders;
import io.cairn.commerce.subscriptions.SubscriptionProjection;
import io.cairn.commerce.subscriptions.Subscriptions;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.reaction.Effect;
import io.cairn.core.reaction.Inbox;
import io.cairn.core.reaction.Policy;
import io.cairn.core.reaction.ProcessManager;
import io.cairn.core.reaction.Publication;
import io.cairn.core.report.Report;
import io.cairn.core.view.Projection;
import java.time.Duration;
import java.util.List;

/**
 * The commerce domain as Cairn runs it: its aggregate types, views, policies and process managers,
 * each declared once in its feature's package and registered here.
 */
public final class Commerce {
  private Commerce() {}

  /**
   * Every aggregate type of the domain, in the order their topics are declared, with subscriptions
   * of at least {@link Subscriptions#DEFAULT_MIN_INTERVAL}.
   */
  public static List<AggregateType<?, ?, ?>> aggregateTypes() {
    return aggregateTypes(Subscriptions.DEFAULT_MIN_INTERVAL);
  }

  /**
   * Every aggregate type of the domain, in the order their topics are declared.
   *
   * @param subscriptionMinInterval the shortest period a subscription may have
   */
  public static List<AggregateType<?, ?, ?>> aggregateTypes(Duration subscriptionMinInterval) {
    return List.of(
        Products.TYPE,
        Inventory.TYPE,
        Carts.TYPE,
        Customers.TYPE,
        Orders.TYPE,
        Payments.TYPE,
        Subscriptions.type(subscriptionMinInterval));
  }

  /** Every policy of the domain. */
  public static List<Policy> policies() {
    return List.of(Loyalty.POLICY);
  }

  /** Every publication of the domain: the integration events other services may depend on. */
  public static List<Publication> publications() {
    return List.of(OrderPublication.PUBLICATION, CustomerNotifications.PUBLICATION);
  }

  /** Every inbox of the domain: the other services whose events it takes. */
  public static List<Inbox> inboxes() {
    return List.of(RewardsInbox.INBOX, ConnectionsInbox.INBOX);
  }

  /**
   * Every process manager of the domain.
   *
   * @param shipWithin how long a confirmed order may wait to ship before it is cancelled
   * @param paymentTimeout how long a checkout waits for the provider to authorise its payment
   */
  public static List<ProcessManager<?, ?>> processManagers(
      Duration shipWithin, Duration paymentTimeout) {
    return List.of(
        ShippingDeadline.manager(shipWithin),
        Checkout.manager(paymentTimeout),
        Donation.MANAGER,
        SubscriptionOrders.MANAGER);
  }

  /**
   * The payment provider's calls, the domain's one side effect outside Kafka; the app binds it to
   * an adapter with {@link Effect#performedBy}.
   */
  public static Effect<ProviderCalls.Request, ProviderCalls.Answer> paymentProvider() {
    return ProviderCalls.EFFECT;
  }

  /** Every report of the domain, for analysts, with cart sessions ended by the default gap. */
  public static List<Report<?, ?>> reports() {
    return reports(CartAbandonment.DEFAULT_GAP);
  }

  /**
   * Every report of the domain, for analysts.
   *
   * @param cartSessionGap how long a cart without activity ends its session
   */
  public static List<Report<?, ?>> reports(Duration cartSessionGap) {
    return List.of(
        SalesByProduct.REPORT,
        TopProducts.REPORT,
        OrderFunnel.REPORT,
        CartAbandonment.withGap(cartSessionGap),
        PointsFlow.REPORT,
        ConnectionsPerDay.REPORT,
        StockOuts.REPORT);
  }

  /** Every view of the domain. */
  public static List<Projection<?>> projections() {
    ProductProjection products = new ProductProjection();
    OrderProjection orders = new OrderProjection(products);
    return List.of(
        products,
        new CartProjection(products),
        orders,
        new CustomerProjection(),
        new CustomerOrdersProjection(),
        new PaymentProjection(),
        new SubscriptionProjection(orders),
        new CustomerSubscriptionsProjection());
  }
}
