package io.cairn.commerce.reports;

import io.cairn.commerce.orders.Orders;
import io.cairn.core.report.Keyed;
import io.cairn.core.report.Report;
import io.cairn.core.report.Windowing;
import io.cairn.core.view.SourcedEvent;
import java.time.Duration;
import java.util.List;

/**
 * Sales per product and hour, net of cancellations: a placed order adds its lines in the hour it
 * was placed, a cancelled one takes them off in the hour it was cancelled.
 */
public final class SalesByProduct {
  private SalesByProduct() {}

  /**
   * Units of a product sold, or taken back, by one order.
   *
   * @param units units, negative when taken back
   * @param revenueMinor what they cost, in minor units, negative when taken back
   * @param currency the order's currency
   * @param orders one order, or minus one
   */
  public record Sale(long units, long revenueMinor, String currency, long orders) {}

  /**
   * A product's sales in an hour.
   *
   * @param unitsSold units sold, net of cancellations
   * @param revenueMinor revenue in minor units of the currency, net of cancellations
   * @param currency the currency of the revenue
   * @param orders orders with the product, net of cancellations
   */
  public record ProductSales(long unitsSold, long revenueMinor, String currency, long orders) {}

  /** The report. */
  public static final Report<Sale, ProductSales> REPORT =
      Report.named("sales-by-product", Sale.class, ProductSales.class)
          .describedAs("Units sold, revenue and orders per product and hour, net of cancellations.")
          .per("productId", Windowing.tumbling(Duration.ofHours(1)))
          .on(Orders.TYPE, SalesByProduct::sales)
          .folding(
              new ProductSales(0, 0, null, 0),
              (window, sale) ->
                  new ProductSales(
                      window.unitsSold() + sale.units(),
                      window.revenueMinor() + sale.revenueMinor(),
                      sale.currency(),
                      window.orders() + sale.orders()))
          .build();

  private static List<Keyed<Sale>> sales(SourcedEvent<Orders.Event, Orders.OrderState> event) {
    Orders.OrderState order = event.state();
    return switch (event.event()) {
      case Orders.OrderPlaced placed -> lines(order, 1);
      case Orders.OrderCancelled cancelled -> lines(order, -1);
      case Orders.OrderConfirmed other -> List.of();
      case Orders.OrderShipped other -> List.of();
      case Orders.OrderRefused other -> List.of();
    };
  }

  private static List<Keyed<Sale>> lines(Orders.OrderState order, int sign) {
    return SignedLines.of(order, sign, Sale::new);
  }
}
