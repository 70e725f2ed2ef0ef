package io.cairn.commerce.reports;

import io.cairn.commerce.orders.Orders;
import io.cairn.core.report.Keyed;
import io.cairn.core.report.Report;
import io.cairn.core.report.Windowing;
import io.cairn.core.view.SourcedEvent;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ten products with the most revenue over the last hour, every five minutes: hopping windows of
 * an hour, net of cancellations. Revenues in different currencies are ranked by their minor units.
 */
public final class TopProducts {
  private static final int TOP = 10;

  private TopProducts() {}

  /**
   * Revenue of one product from one order, or taken back by its cancellation.
   *
   * @param productId the product
   * @param revenueMinor minor units, negative when taken back
   * @param currency the order's currency
   */
  public record Revenue(String productId, long revenueMinor, String currency) {}

  /**
   * Every product's revenue in a window.
   *
   * @param revenueMinor by product
   * @param currency by product
   */
  public record Revenues(Map<String, Long> revenueMinor, Map<String, String> currency) {
    /** Freezes the maps. */
    public Revenues {
      revenueMinor = Map.copyOf(revenueMinor);
      currency = Map.copyOf(currency);
    }
  }

  /**
   * The top ten of a window, as analysts see it.
   *
   * @param products the ten with the most revenue, most first
   */
  public record Top(List<Ranked> products) {}

  /**
   * A product's place in the top ten.
   *
   * @param productId the product
   * @param revenueMinor its revenue in the window
   * @param currency its currency
   */
  public record Ranked(String productId, long revenueMinor, String currency) {}

  /** The report. */
  public static final Report<Revenue, Revenues> REPORT =
      Report.named("top-products", Revenue.class, Revenues.class)
          .describedAs(
              "The ten products with the most revenue over the last hour, every 5 minutes.")
          .per(Report.ALL, Windowing.hopping(Duration.ofHours(1), Duration.ofMinutes(5)))
          .on(Orders.TYPE, TopProducts::revenue)
          .folding(new Revenues(Map.of(), Map.of()), TopProducts::add)
          .shownAs(Top.class, TopProducts::top)
          .build();

  private static List<Keyed<Revenue>> revenue(SourcedEvent<Orders.Event, Orders.OrderState> event) {
    int sign =
        switch (event.event()) {
          case Orders.OrderPlaced placed -> 1;
          case Orders.OrderCancelled cancelled -> -1;
          case Orders.OrderConfirmed other -> 0;
          case Orders.OrderShipped other -> 0;
          case Orders.OrderRefused other -> 0;
        };
    Orders.OrderState order = event.state();
    return sign == 0
        ? List.of()
        : order.lines().stream()
            .map(
                line ->
                    new Keyed<>(
                        Report.ALL,
                        new Revenue(
                            line.productId(),
                            sign * line.quantity() * line.unitPriceMinor(),
                            order.currency())))
            .toList();
  }

  private static Revenues add(Revenues window, Revenue revenue) {
    Map<String, Long> minor = new HashMap<>(window.revenueMinor());
    minor.merge(revenue.productId(), revenue.revenueMinor(), Long::sum);
    Map<String, String> currency = new HashMap<>(window.currency());
    currency.put(revenue.productId(), revenue.currency());
    return new Revenues(minor, currency);
  }

  private static Top top(Revenues window) {
    return new Top(
        window.revenueMinor().entrySet().stream()
            .filter(product -> product.getValue() > 0)
            .sorted(
                Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(TOP)
            .map(p -> new Ranked(p.getKey(), p.getValue(), window.currency().get(p.getKey())))
            .toList());
  }
}
