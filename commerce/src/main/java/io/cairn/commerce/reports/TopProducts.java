package io.cairn.commerce.reports;

import io.cairn.commerce.orders.Orders;
import io.cairn.core.report.Keyed;
import io.cairn.core.report.Report;
import io.cairn.core.report.Windowing;
import io.cairn.core.view.SourcedEvent;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * The ten products with the most revenue over the last hour, moving every quarter of an hour: each
 * window of an hour ranks the products sold in it, net of cancellations. An order counts in the
 * four windows it falls in; windows every five minutes would make it twelve, and the report three
 * times dearer to keep.
 */
public final class TopProducts {
  private TopProducts() {}

  /** How many products each window shows. */
  public static final int TOP = 10;

  /**
   * A product's revenue in a window, as one order added or took it back.
   *
   * @param revenueMinor revenue in minor units, negative when taken back
   * @param currency the order's currency
   * @param units units, negative when taken back
   */
  public record Revenue(long revenueMinor, String currency, long units) {}

  /** The report. */
  public static final Report<Revenue, Revenue> REPORT =
      Report.named("top-products", Revenue.class, Revenue.class)
          .describedAs(
              "The ten products with the most revenue over an hour, every quarter of an hour, net"
                  + " of cancellations.")
          .per("productId", Windowing.hopping(Duration.ofHours(1), Duration.ofMinutes(15)))
          .on(Orders.TYPE, TopProducts::revenue)
          .folding(
              new Revenue(0, null, 0),
              (window, sale) ->
                  new Revenue(
                      window.revenueMinor() + sale.revenueMinor(),
                      sale.currency(),
                      window.units() + sale.units()))
          .ranked(
              TOP,
              Comparator.comparingLong(Revenue::revenueMinor)
                  .thenComparingLong(Revenue::units)
                  .reversed())
          .build();

  private static List<Keyed<Revenue>> revenue(SourcedEvent<Orders.Event, Orders.OrderState> event) {
    return switch (event.event()) {
      case Orders.OrderPlaced placed -> lines(event.state(), 1);
      case Orders.OrderCancelled cancelled -> lines(event.state(), -1);
      case Orders.OrderConfirmed other -> List.of();
      case Orders.OrderShipped other -> List.of();
      case Orders.OrderRefused other -> List.of();
    };
  }

  private static List<Keyed<Revenue>> lines(Orders.OrderState order, int sign) {
    return SignedLines.of(
        order,
        sign,
        (units, revenueMinor, currency, one) -> new Revenue(revenueMinor, currency, units));
  }
}
