package io.cairn.commerce.reports;

import io.cairn.commerce.inventory.Inventory;
import io.cairn.core.report.Keyed;
import io.cairn.core.report.Report;
import io.cairn.core.report.Tracking;
import io.cairn.core.report.Tracking.Step;
import io.cairn.core.report.Windowing;
import io.cairn.core.view.SourcedEvent;
import java.time.Duration;
import java.time.Instant;

/**
 * Per product and day, how often the stock that no order has reserved ran out, and for how long: a
 * stock-out counts in the day it began, its length in the day it ended, and a day whose last
 * stock-out had not ended shows since when the product is out.
 */
public final class StockOuts {
  private StockOuts() {}

  /**
   * What is remembered of a product's stock.
   *
   * @param available its units available after its latest event
   * @param outSince when it ran out, null while it has stock
   */
  public record Stock(int available, Instant outSince) {}

  /**
   * A stock-out beginning or ending.
   *
   * @param began one when it began
   * @param secondsOut how long it lasted, when it ended
   * @param outSince when it began, null when it ended
   */
  public record Change(long began, long secondsOut, Instant outSince) {}

  /**
   * A product's day.
   *
   * @param stockOuts stock-outs that began that day
   * @param secondsOutOfStock the length of the stock-outs that ended that day
   * @param outSince when its latest stock-out began, if it had not ended by the day's last change
   */
  public record StockOutDay(long stockOuts, long secondsOutOfStock, Instant outSince) {}

  /** The report. */
  public static final Report<Change, StockOutDay> REPORT =
      Report.named("stock-outs", Change.class, StockOutDay.class)
          .describedAs(
              "Per product and day, stock-outs begun, the seconds out of stock of those that"
                  + " ended, and since when a product still out has been.")
          .per("productId", Windowing.tumbling(Duration.ofDays(1)))
          .tracking(Inventory.TYPE, Tracking.of(Stock.class, StockOuts::step))
          .folding(
              new StockOutDay(0, 0, null),
              (day, change) ->
                  new StockOutDay(
                      day.stockOuts() + change.began(),
                      day.secondsOutOfStock() + change.secondsOut(),
                      change.outSince()))
          .build();

  private static Step<Stock, Change> step(
      Stock before, SourcedEvent<Inventory.Event, Inventory.InventoryState> event) {
    int available = event.state().available();
    Instant at = event.occurredAt();
    String product = event.aggregateId();
    if (before == null || before.available() > 0) {
      boolean ranOut = before != null && available == 0;
      return ranOut
          ? Step.remember(new Stock(0, at), new Keyed<>(product, new Change(1, 0, at)))
          : Step.remember(new Stock(available, null));
    }
    if (available > 0 && before.outSince() != null) {
      // Clocks that disagree can stamp the refill before the emptying: no negative stock-out.
      long seconds = Math.max(0, Duration.between(before.outSince(), at).toSeconds());
      return Step.remember(
          new Stock(available, null), new Keyed<>(product, new Change(0, seconds, null)));
    }
    return Step.remember(new Stock(available, before.outSince()));
  }
}
