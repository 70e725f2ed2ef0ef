package io.cairn.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.avro.carts.AddItem;
import io.cairn.avro.carts.CheckOut;
import io.cairn.avro.customers.AwardPoints;
import io.cairn.avro.customers.RecordConnection;
import io.cairn.avro.customers.RegisterCustomer;
import io.cairn.avro.inventory.ReceiveStock;
import io.cairn.avro.inventory.ReserveStock;
import io.cairn.avro.orders.CancelOrder;
import io.cairn.avro.orders.ConfirmOrder;
import io.cairn.avro.orders.PlaceOrder;
import io.cairn.avro.orders.PlaceOrderLine;
import io.cairn.commerce.reports.CartAbandonment;
import io.cairn.commerce.reports.ConnectionsPerDay;
import io.cairn.commerce.reports.OrderFunnel;
import io.cairn.commerce.reports.PointsFlow;
import io.cairn.commerce.reports.StockOuts;
import io.cairn.commerce.reports.TopProducts;
import io.cairn.core.report.Report;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each report under TopologyTestDriver with events out of order: one in order, one out of order but
 * within the grace period (its window had closed five minutes before its partition reached it; it
 * counts), and one beyond (twenty minutes; it is left out, and counted as late). The events' time
 * moves alone, as in a busy log, so no task falls silent.
 */
class ReportLatenessTest {
  private static final Instant TEN = Instant.parse("2026-11-23T10:00:00Z");
  private static final Instant DAY = Instant.parse("2026-11-23T00:00:00Z");
  private static final Instant NEXT_DAY = DAY.plus(Duration.ofDays(1));

  @TempDir Path stateDir;
  private ReportDriver reports;

  @BeforeEach
  void start() {
    reports = new ReportDriver(stateDir);
  }

  @AfterEach
  void stop() {
    reports.close();
  }

  private void sendAt(Instant at, String type, String id, SpecificRecord command) {
    reports.sendAt(at, type, id, command);
  }

  private static Instant ten(int minutes) {
    return TEN.plus(Duration.ofMinutes(minutes));
  }

  private static Instant lateEvening(int minutes) {
    return NEXT_DAY.minus(Duration.ofMinutes(minutes));
  }

  private static Instant afterMidnight(int minutes) {
    return NEXT_DAY.plus(Duration.ofMinutes(minutes));
  }

  private static PlaceOrder order(String product, int units, long price) {
    return new PlaceOrder("ann", "EUR", List.of(new PlaceOrderLine(product, units, price)));
  }

  private <A> A window(Report<?, A> report, String key, Instant start) {
    return reports.window(report, key, start);
  }

  private long late(Report<?, ?> report) {
    return reports.late(report.name());
  }

  @Test
  void theFunnel() {
    sendAt(ten(5), "orders", "o-1", order("tea", 1, 450));
    sendAt(ten(65), "orders", "o-2", order("tea", 1, 450));
    sendAt(ten(59), "orders", "o-1", new ConfirmOrder());
    sendAt(ten(90), "orders", "o-3", order("tea", 1, 450));
    sendAt(ten(50), "orders", "o-2", new CancelOrder("late"));

    OrderFunnel.Funnel hour = window(OrderFunnel.REPORT, Report.ALL, TEN);
    assertThat(hour.placed()).isEqualTo(1);
    assertThat(hour.confirmed()).isEqualTo(1);
    assertThat(hour.cancelledByReason()).isEmpty();
    assertThat(late(OrderFunnel.REPORT)).isEqualTo(1);
  }

  @Test
  void theTopProducts() {
    sendAt(ten(5), "orders", "o-1", order("tea", 2, 450));
    sendAt(ten(65), "orders", "o-2", order("cake", 1, 300));
    sendAt(ten(59), "orders", "o-3", order("cake", 5, 300));
    sendAt(ten(90), "orders", "o-4", order("jam", 1, 100));
    sendAt(ten(50), "orders", "o-5", order("tea", 10, 450));

    assertThat(window(TopProducts.REPORT, "cake", TEN))
        .isEqualTo(new TopProducts.Revenue(1500, "EUR", 5));
    assertThat(window(TopProducts.REPORT, "tea", TEN))
        .isEqualTo(new TopProducts.Revenue(900, "EUR", 2));
    // Of the four windows 10:50 falls in, those that start by 10:15 had closed at 11:30.
    assertThat(late(TopProducts.REPORT)).isEqualTo(2);
    assertThat(window(TopProducts.REPORT, "tea", ten(30)))
        .isEqualTo(new TopProducts.Revenue(4500, "EUR", 10));
  }

  @Test
  void theCartSessions() {
    sendAt(ten(5), "carts", "c-1", new AddItem("tea", 1));
    // Passes the end of cart one's session, 10:35, which is abandoned in the hour of ten.
    sendAt(ten(65), "carts", "c-2", new AddItem("tea", 1));
    sendAt(ten(58), "carts", "c-3", new AddItem("tea", 1));
    sendAt(ten(58), "carts", "c-3", new CheckOut("ann", null));
    sendAt(ten(90), "carts", "c-4", new AddItem("tea", 1));
    sendAt(ten(50), "carts", "c-5", new AddItem("tea", 1));
    sendAt(ten(50), "carts", "c-5", new CheckOut("ann", null));

    assertThat(window(CartAbandonment.REPORT, Report.ALL, TEN))
        .isEqualTo(new CartAbandonment.Ended(1, 1));
    assertThat(late(CartAbandonment.REPORT)).isEqualTo(1);
  }

  @Test
  void thePointsFlow() {
    sendAt(TEN, "customers", "ann", new RegisterCustomer("Ann", "ann@example.org"));
    sendAt(lateEvening(60), "customers", "ann", new AwardPoints(1L, "a"));
    sendAt(afterMidnight(5), "customers", "ann", new AwardPoints(2L, "a"));
    sendAt(lateEvening(1), "customers", "ann", new AwardPoints(4L, "a"));
    sendAt(afterMidnight(30), "customers", "ann", new AwardPoints(8L, "a"));
    sendAt(lateEvening(2), "customers", "ann", new AwardPoints(16L, "a"));

    assertThat(window(PointsFlow.REPORT, Report.ALL, DAY).awardedByReason())
        .isEqualTo(Map.of("a", 5L));
    assertThat(late(PointsFlow.REPORT)).isEqualTo(1);
  }

  @Test
  void theConnections() {
    sendAt(TEN, "customers", "off-1", new RegisterCustomer("Olga", "olga@example.org"));
    sendAt(lateEvening(60), "customers", "off-1", connection("cit-1", lateEvening(60)));
    sendAt(afterMidnight(5), "customers", "off-1", connection("cit-2", afterMidnight(5)));
    sendAt(lateEvening(1), "customers", "off-1", connection("cit-3", lateEvening(1)));
    sendAt(afterMidnight(30), "customers", "off-1", connection("cit-4", afterMidnight(30)));
    sendAt(lateEvening(2), "customers", "off-1", connection("cit-5", lateEvening(2)));

    assertThat(window(ConnectionsPerDay.REPORT, Report.ALL, DAY))
        .isEqualTo(new ConnectionsPerDay.Connections(2));
    assertThat(window(ConnectionsPerDay.REPORT, "off-1", DAY))
        .isEqualTo(new ConnectionsPerDay.Connections(2));
    assertThat(late(ConnectionsPerDay.REPORT)).as("under all and under the officer").isEqualTo(2);
  }

  private static RecordConnection connection(String citizen, Instant at) {
    return new RecordConnection(citizen, "citizen", at);
  }

  @Test
  void theStockOuts() {
    sendAt(lateEvening(60), "inventory", "tea", new ReceiveStock(1));
    sendAt(lateEvening(50), "inventory", "tea", new ReserveStock("o-1", 1));
    sendAt(afterMidnight(5), "inventory", "tea", new ReceiveStock(1));
    sendAt(lateEvening(1), "inventory", "tea", new ReserveStock("o-2", 1));
    sendAt(afterMidnight(30), "inventory", "tea", new ReceiveStock(1));
    sendAt(lateEvening(2), "inventory", "tea", new ReserveStock("o-3", 1));

    assertThat(window(StockOuts.REPORT, "tea", DAY))
        .isEqualTo(new StockOuts.StockOutDay(2, 0, lateEvening(1)));
    // Out from 23:10 to 0:05, then from 23:59 to 0:30.
    assertThat(window(StockOuts.REPORT, "tea", NEXT_DAY))
        .isEqualTo(new StockOuts.StockOutDay(0, (55 + 31) * 60, null));
    assertThat(late(StockOuts.REPORT)).isEqualTo(1);
  }
}
