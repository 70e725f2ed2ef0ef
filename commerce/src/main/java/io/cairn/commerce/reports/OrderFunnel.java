package io.cairn.commerce.reports;

import io.cairn.commerce.orders.Orders;
import io.cairn.core.report.Keyed;
import io.cairn.core.report.Report;
import io.cairn.core.report.Windowing;
import io.cairn.core.view.SourcedEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The orders' funnel per hour: how many were placed, confirmed, shipped and cancelled (by reason,
 * checkouts refused before an order was placed included), and the share of placed orders that were
 * confirmed in the same hour.
 */
public final class OrderFunnel {
  private OrderFunnel() {}

  /** A stage of the funnel. */
  public enum Stage {
    PLACED,
    CONFIRMED,
    SHIPPED,
    CANCELLED
  }

  /**
   * An order reached a stage.
   *
   * @param stage the stage
   * @param reason why it was cancelled; null otherwise
   */
  public record Reached(Stage stage, String reason) {}

  /**
   * The funnel of an hour.
   *
   * @param placed orders placed
   * @param confirmed orders confirmed
   * @param shipped orders shipped
   * @param cancelled orders cancelled, and checkouts refused
   * @param cancelledByReason the same, by reason
   * @param confirmedShare confirmed over placed, 0 when none was placed
   */
  public record Funnel(
      long placed,
      long confirmed,
      long shipped,
      long cancelled,
      Map<String, Long> cancelledByReason,
      double confirmedShare) {
    /** Freezes the map. */
    public Funnel {
      cancelledByReason = Map.copyOf(cancelledByReason);
    }
  }

  /** The report. */
  public static final Report<Reached, Funnel> REPORT =
      Report.named("order-funnel", Reached.class, Funnel.class)
          .describedAs(
              "Orders placed, confirmed, shipped and cancelled by reason per hour, and the share"
                  + " confirmed.")
          .per(Report.ALL, Windowing.tumbling(Duration.ofHours(1)))
          .on(Orders.TYPE, OrderFunnel::reached)
          .folding(new Funnel(0, 0, 0, 0, Map.of(), 0), OrderFunnel::add)
          .build();

  private static List<Keyed<Reached>> reached(SourcedEvent<Orders.Event, Orders.OrderState> event) {
    Reached reached =
        switch (event.event()) {
          case Orders.OrderPlaced placed -> new Reached(Stage.PLACED, null);
          case Orders.OrderConfirmed confirmed -> new Reached(Stage.CONFIRMED, null);
          case Orders.OrderShipped shipped -> new Reached(Stage.SHIPPED, null);
          case Orders.OrderCancelled cancelled -> new Reached(Stage.CANCELLED, cancelled.reason());
          case Orders.OrderRefused refused -> new Reached(Stage.CANCELLED, refused.reason());
        };
    return List.of(new Keyed<>(Report.ALL, reached));
  }

  private static Funnel add(Funnel f, Reached reached) {
    long placed = f.placed() + (reached.stage() == Stage.PLACED ? 1 : 0);
    long confirmed = f.confirmed() + (reached.stage() == Stage.CONFIRMED ? 1 : 0);
    long shipped = f.shipped() + (reached.stage() == Stage.SHIPPED ? 1 : 0);
    Map<String, Long> byReason = new HashMap<>(f.cancelledByReason());
    if (reached.stage() == Stage.CANCELLED) {
      byReason.merge(reached.reason(), 1L, Long::sum);
    }
    long cancelled = f.cancelled() + (reached.stage() == Stage.CANCELLED ? 1 : 0);
    double share = placed == 0 ? 0 : (double) confirmed / placed;
    return new Funnel(placed, confirmed, shipped, cancelled, byReason, share);
  }
}
