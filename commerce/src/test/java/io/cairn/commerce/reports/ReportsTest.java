package io.cairn.commerce.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.carts.Carts;
import io.cairn.commerce.customers.Customers;
import io.cairn.commerce.inventory.Inventory;
import io.cairn.commerce.orders.Orders;
import io.cairn.core.report.Report;
import io.cairn.core.testing.AggregateHistory;
import io.cairn.core.testing.ReportSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each report, given events, then its windows: what they add, under which key, in which window. */
class ReportsTest {
  /** On the hour, so an order's events a minute apart fall in the hour that starts here. */
  private static final Instant NINE = Instant.parse("2026-12-02T09:00:00Z");

  private static AggregateHistory<Orders.Event, Orders.OrderState> order(String id, Instant at) {
    return new AggregateHistory<>(Orders.TYPE, id, at);
  }

  private static Orders.OrderPlaced placed(String product, int units, long price) {
    return new Orders.OrderPlaced(
        "ann", "EUR", List.of(new Orders.OrderLine(product, units, price)), units * price);
  }

  @Test
  void salesArePerProductAndHourNetOfCancellationsInTheHourTheyHappen() {
    var first = order("o-1", NINE);
    var second = order("o-2", NINE);
    var late = order("o-3", NINE.plus(Duration.ofMinutes(70)));
    var spec =
        ReportSpec.of(SalesByProduct.REPORT)
            .given(
                first.then(placed("tea", 2, 450)),
                second.then(placed("tea", 1, 450)),
                second.then(new Orders.OrderCancelled("changed_mind")),
                late.then(placed("tea", 5, 450)));
    assertThat(spec.window("tea", NINE))
        .isEqualTo(new SalesByProduct.ProductSales(2, 900, "EUR", 1));
    assertThat(spec.window("tea", NINE.plus(Duration.ofHours(1))))
        .isEqualTo(new SalesByProduct.ProductSales(5, 2250, "EUR", 1));
  }

  @Test
  void theFunnelCountsEachStageAndCancellationsByReason() {
    var shipped = order("o-1", NINE);
    var cancelled = order("o-2", NINE);
    var refused = order("o-3", NINE);
    var funnel =
        ReportSpec.of(OrderFunnel.REPORT)
            .given(
                shipped.then(placed("tea", 1, 450)),
                shipped.then(new Orders.OrderConfirmed()),
                shipped.then(new Orders.OrderShipped()),
                cancelled.then(placed("tea", 1, 450)),
                cancelled.then(new Orders.OrderCancelled("out_of_stock")),
                refused.then(new Orders.OrderRefused("ann", "product_unavailable")))
            .window(Report.ALL, NINE);
    assertThat(funnel)
        .isEqualTo(
            new OrderFunnel.Funnel(
                2, 1, 1, 2, Map.of("out_of_stock", 1L, "product_unavailable", 1L), 0.5));
  }

  @Test
  void pointsAreCountedPerDayByTheKindOfTheirReason() {
    var ann = new AggregateHistory<>(Customers.TYPE, "ann", NINE);
    var flow =
        ReportSpec.of(PointsFlow.REPORT)
            .given(
                ann.then(new Customers.CustomerRegistered("Ann", "ann@example.org")),
                ann.then(new Customers.PointsAwarded(9, "order:o-1")),
                ann.then(new Customers.PointsAwarded(4, "order:o-2")),
                ann.then(new Customers.PointsAwarded(100, "welcome")),
                ann.then(new Customers.PointsRedeemed(20, "voucher")),
                ann.then(new Customers.PointsDonated("bob", 30)),
                ann.then(new Customers.DonationRefunded(30, "ann-7")))
            .window(Report.ALL, Instant.parse("2026-12-02T00:00:00Z"));
    assertThat(flow)
        .isEqualTo(
            new PointsFlow.Flow(
                113, 20, 0, Map.of("order", 13L, "welcome", 100L), Map.of("voucher", 20L)));
  }

  @Test
  void aConnectionCountsOnceForItsOfficer() {
    var officer = new AggregateHistory<>(Customers.TYPE, "off-1", NINE);
    var citizen = new AggregateHistory<>(Customers.TYPE, "cit-1", NINE);
    Instant day = Instant.parse("2026-12-02T00:00:00Z");
    var spec =
        ReportSpec.of(ConnectionsPerDay.REPORT)
            .given(
                officer.then(new Customers.ConnectionRecorded("cit-1", Customers.CITIZEN, NINE)),
                citizen.then(new Customers.ConnectionRecorded("off-1", Customers.OFFICER, NINE)));
    assertThat(spec.window(Report.ALL, day)).isEqualTo(new ConnectionsPerDay.Connections(1));
    assertThat(spec.window("off-1", day)).isEqualTo(new ConnectionsPerDay.Connections(1));
    assertThat(spec.window("cit-1", day)).isNull();
  }

  @Test
  void theTopProductsAreTheTenWithTheMostRevenueInEachHourNetOfCancellations() {
    List<AggregateHistory.Happened<?, ?>> events = new ArrayList<>();
    for (int i = 1; i <= 11; i++) {
      events.add(order("o-" + i, NINE).then(placed("p-" + i, 1, i * 100L)));
    }
    var big = order("o-big", NINE.plus(Duration.ofMinutes(13)));
    events.add(big.then(placed("big", 1, 5_000)));
    events.add(big.then(new Orders.OrderCancelled("changed_mind")));
    var top =
        ReportSpec.of(TopProducts.REPORT).given(events.toArray(AggregateHistory.Happened[]::new));

    assertThat(top.top(NINE))
        .containsExactly("p-11", "p-10", "p-9", "p-8", "p-7", "p-6", "p-5", "p-4", "p-3", "p-2");
    // The hour from 8:15 saw the big order placed at 9:14 but not cancelled, at 9:15.
    Instant quarterPastEight = NINE.minus(Duration.ofMinutes(45));
    assertThat(top.top(quarterPastEight).getFirst()).isEqualTo("big");
    assertThat(top.window("big", NINE)).isEqualTo(new TopProducts.Revenue(0, "EUR", 0));
  }

  private static AggregateHistory<Carts.Event, Carts.CartState> cart(String id, Instant at) {
    return new AggregateHistory<>(Carts.TYPE, id, at);
  }

  @Test
  void aCartLeftWithItemsForTheGapIsAbandonedInTheHourTheGapRunsOut() {
    Instant ten = NINE.plus(Duration.ofHours(1));
    var added = new Carts.ItemAdded("tea", 1);
    var spec =
        ReportSpec.of(CartAbandonment.REPORT)
            .given(
                cart("left", NINE).then(added),
                cart("bought", NINE.plus(Duration.ofMinutes(10))).then(added),
                cart("bought", NINE.plus(Duration.ofMinutes(11)))
                    .then(new Carts.CartCheckedOut("ann", List.of(), null)),
                cart("emptied", NINE.plus(Duration.ofMinutes(40))).then(added),
                cart("emptied", NINE.plus(Duration.ofMinutes(41)))
                    .then(new Carts.ItemRemoved("tea")),
                cart("late", NINE.plus(Duration.ofMinutes(45))).then(added),
                // The first cart, back after its session ended, starts another one.
                cart("left", ten.plus(Duration.ofMinutes(30))).then(added),
                cart("left", ten.plus(Duration.ofMinutes(31)))
                    .then(new Carts.CartCheckedOut("ann", List.of(), null)))
            .until(ten.plus(Duration.ofHours(2)));

    assertThat(spec.window(Report.ALL, NINE)).isEqualTo(new CartAbandonment.Ended(1, 1));
    assertThat(spec.window(Report.ALL, ten)).isEqualTo(new CartAbandonment.Ended(1, 1));
    assertThat(CartAbandonment.REPORT.render(spec.window(Report.ALL, ten)))
        .isEqualTo(new CartAbandonment.Abandonment(1, 1, 0.5));
  }

  @Test
  void aStockOutCountsInTheDayItBeganAndItsLengthInTheDayItEnded() {
    Instant day = Instant.parse("2026-12-02T00:00:00Z");
    var tea = new AggregateHistory<>(Inventory.TYPE, "tea", NINE);
    var spec =
        ReportSpec.of(StockOuts.REPORT)
            .given(
                tea.then(new Inventory.StockReceived(2)),
                tea.then(new Inventory.StockReserved("o-1", 2)),
                tea.then(new Inventory.StockReleased("o-1", 2)),
                tea.then(new Inventory.StockReserved("o-2", 2)));
    // A history's events come a minute apart, from a minute after its start.
    Instant outAt = NINE.plus(Duration.ofMinutes(4));
    assertThat(spec.window("tea", day)).isEqualTo(new StockOuts.StockOutDay(2, 60, outAt));

    var nextMorning = new AggregateHistory<>(Inventory.TYPE, "tea", day.plus(Duration.ofHours(32)));
    spec.given(nextMorning.then(new Inventory.StockReceived(5)));
    assertThat(spec.window("tea", day.plus(Duration.ofDays(1))))
        .isEqualTo(
            new StockOuts.StockOutDay(
                0,
                Duration.between(outAt, day.plus(Duration.ofHours(32)).plusSeconds(60)).toSeconds(),
                null));
  }
}
