package io.cairn.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.avro.carts.AddItem;
import io.cairn.avro.carts.CheckOut;
import io.cairn.avro.customers.RecordConnection;
import io.cairn.avro.customers.RegisterCustomer;
import io.cairn.avro.inventory.ReceiveStock;
import io.cairn.avro.inventory.ReleaseStock;
import io.cairn.avro.inventory.ReserveStock;
import io.cairn.avro.orders.CancelOrder;
import io.cairn.avro.orders.PlaceOrder;
import io.cairn.avro.orders.PlaceOrderLine;
import io.cairn.commerce.reports.CartAbandonment;
import io.cairn.commerce.reports.ConnectionsPerDay;
import io.cairn.commerce.reports.OrderFunnel;
import io.cairn.commerce.reports.SalesByProduct;
import io.cairn.commerce.reports.SalesByProduct.ProductSales;
import io.cairn.commerce.reports.StockOuts;
import io.cairn.commerce.reports.TopProducts;
import io.cairn.core.report.Report;
import io.cairn.engine.testing.TopologyDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports under TopologyTestDriver, fed by orders placed as the clock moves back and forth:
 * out-of-order events count in their own windows, a late one within the grace period too, and one
 * later than that is left out of the windows that had closed, and counted as late.
 */
class ReportTopologyTest {
  private static final Instant TEN = Instant.parse("2026-11-23T10:00:00Z");
  private static final Instant ELEVEN = TEN.plus(Duration.ofHours(1));

  @TempDir Path stateDir;
  private ReportDriver reports;
  private TopologyDriver driver;

  @BeforeEach
  void start() {
    reports = new ReportDriver(stateDir);
    driver = reports.driver();
  }

  @AfterEach
  void stop() {
    reports.close();
  }

  private void placeAt(Instant at, String order, int units) {
    reports.sendAt(
        at,
        "orders",
        order,
        new PlaceOrder("ann", "EUR", List.of(new PlaceOrderLine("tea", units, 450L))));
  }

  private <A> A window(Report<?, A> report, String key, Instant start) {
    return reports.window(report, key, start);
  }

  private long late(String report) {
    return reports.late(report);
  }

  @Test
  void eventsCountInTheWindowsOfTheirOwnTimeWithinTheGracePeriod() {
    placeAt(TEN.plus(Duration.ofMinutes(5)), "o-1", 2);
    placeAt(ELEVEN.plus(Duration.ofMinutes(5)), "o-2", 3);
    // Out of order, its hour closed five minutes ago: within the ten minutes' grace.
    placeAt(TEN.plus(Duration.ofMinutes(59)), "o-3", 1);
    placeAt(ELEVEN.plus(Duration.ofMinutes(30)), "o-4", 4);
    driver.advance(Duration.ofMinutes(10));
    driver.send("orders", "o-2", new CancelOrder("changed_mind"));

    assertThat(window(SalesByProduct.REPORT, "tea", TEN))
        .isEqualTo(new ProductSales(3, 1350, "EUR", 2));
    assertThat(window(SalesByProduct.REPORT, "tea", ELEVEN))
        .isEqualTo(new ProductSales(4, 1800, "EUR", 1));
    OrderFunnel.Funnel eleven = window(OrderFunnel.REPORT, Report.ALL, ELEVEN);
    assertThat(eleven.placed()).isEqualTo(2);
    assertThat(eleven.cancelledByReason()).isEqualTo(Map.of("changed_mind", 1L));
    assertThat(late("sales-by-product")).isZero();
  }

  @Test
  void anEventLaterThanTheGracePeriodIsLeftOutOfTheWindowsThatHadClosed() {
    placeAt(TEN.plus(Duration.ofMinutes(5)), "o-1", 2);
    placeAt(ELEVEN.plus(Duration.ofMinutes(30)), "o-2", 3);
    // Its hour closed thirty minutes before the log reached it: beyond the grace period.
    placeAt(TEN.plus(Duration.ofMinutes(50)), "o-3", 10);

    assertThat(window(SalesByProduct.REPORT, "tea", TEN))
        .isEqualTo(new ProductSales(2, 900, "EUR", 1));
    assertThat(late("sales-by-product")).isEqualTo(1);
    assertThat(late("order-funnel")).isEqualTo(1);
    // Of the four hour-long windows it falls in, those starting at 10:30 and 10:45 are still open.
    assertThat(late("top-products")).isEqualTo(2);
    assertThat(window(TopProducts.REPORT, "tea", TEN))
        .isEqualTo(new TopProducts.Revenue(900, "EUR", 2));
    assertThat(window(TopProducts.REPORT, "tea", TEN.plus(Duration.ofMinutes(30))))
        .isEqualTo(new TopProducts.Revenue(4500, "EUR", 10));
  }

  @Test
  void aConnectionCountsInTheDayOfItsOfficerAndOfAll() {
    driver.send("customers", "off-1", new RegisterCustomer("Olga", "olga@example.org"));
    driver.send("customers", "off-1", new RecordConnection("cit-1", "citizen", TEN));
    Instant day = Instant.parse("2026-11-23T00:00:00Z");

    assertThat(window(ConnectionsPerDay.REPORT, "off-1", day))
        .isEqualTo(new ConnectionsPerDay.Connections(1));
    assertThat(window(ConnectionsPerDay.REPORT, Report.ALL, day))
        .isEqualTo(new ConnectionsPerDay.Connections(1));
  }

  @Test
  void aCartSessionEndsWhenTheEventsTimePassesItsGapBeforeTheEventThatPassedIt() {
    driver.send("carts", "c-1", new AddItem("tea", 1));
    driver.advanceEventTime(Duration.ofMinutes(40));
    driver.send("carts", "c-2", new AddItem("tea", 1));
    assertThat(window(CartAbandonment.REPORT, Report.ALL, TEN))
        .isEqualTo(new CartAbandonment.Ended(1, 0));
    driver.advanceEventTime(Duration.ofMinutes(1));
    driver.send("carts", "c-2", new CheckOut("ann", null));
    // A session that ended does not end again.
    driver.advanceEventTime(Duration.ofHours(2));
    driver.send("carts", "c-3", new AddItem("tea", 1));

    assertThat(window(CartAbandonment.REPORT, Report.ALL, TEN))
        .isEqualTo(new CartAbandonment.Ended(1, 1));
  }

  @Test
  void aCartTouchedAgainAfterItsGapEndsItsSessionAndStartsAnother() {
    driver.send("carts", "c-1", new AddItem("tea", 1));
    driver.advanceEventTime(Duration.ofMinutes(40));
    driver.send("carts", "c-1", new AddItem("cake", 1));
    driver.advanceEventTime(Duration.ofMinutes(1));
    driver.send("carts", "c-1", new CheckOut("ann", null));

    assertThat(window(CartAbandonment.REPORT, Report.ALL, TEN))
        .isEqualTo(new CartAbandonment.Ended(1, 1));
  }

  @Test
  void aCartSessionEndsByTheClockOnceItsPartitionHasBeenSilent() {
    driver.send("carts", "c-1", new AddItem("tea", 1));
    driver.advance(Duration.ofMinutes(31));
    // Silent from the first look after its last event to this one, a minute later.
    driver.advance(Duration.ofMinutes(1));

    assertThat(window(CartAbandonment.REPORT, Report.ALL, TEN))
        .isEqualTo(new CartAbandonment.Ended(1, 0));
  }

  @Test
  void aStockOutCountsWhenNoUnitIsLeftUnreservedUntilOneIs() {
    driver.send("inventory", "tea", new ReceiveStock(2));
    driver.advance(Duration.ofMinutes(1));
    driver.send("inventory", "tea", new ReserveStock("o-1", 2));
    driver.advance(Duration.ofMinutes(10));
    driver.send("inventory", "tea", new ReleaseStock("o-1"));
    Instant day = Instant.parse("2026-11-23T00:00:00Z");

    assertThat(window(StockOuts.REPORT, "tea", day))
        .isEqualTo(new StockOuts.StockOutDay(1, 600, null));
  }

  @Test
  void aWindowIsPublishedOnceTheEventsTimePassesItsEndAndGrace() {
    var published = driver.generic("cairn.reports.sales-by-product");
    // The events' time runs ahead of the wall clock, as in a busy shop: no task falls silent.
    PlaceOrder tea = new PlaceOrder("ann", "EUR", List.of(new PlaceOrderLine("tea", 2, 450L)));
    driver.advanceEventTime(Duration.ofMinutes(5));
    driver.send("orders", "o-1", tea);
    driver.advanceEventTime(Duration.ofHours(1));
    driver.send("orders", "o-2", tea);
    driver.advance(Duration.ofSeconds(5));
    assertThat(published.readKeyValuesToList())
        .as("ten's hour is still within its grace")
        .isEmpty();

    driver.advanceEventTime(Duration.ofMinutes(6));
    driver.send("orders", "o-3", tea);
    driver.advance(Duration.ofSeconds(5));

    var records = published.readKeyValuesToList();
    assertThat(records).extracting(record -> record.key).containsExactly("tea@" + TEN);
    GenericRecord ten = records.getFirst().value;
    assertThat(ten.get("windowStart")).isEqualTo(TEN.toEpochMilli());
    assertThat(ten.get("windowEnd")).isEqualTo(ELEVEN.toEpochMilli());
    assertThat(ten.get("unitsSold")).isEqualTo(2L);
    assertThat(ten.get("revenueMinor")).isEqualTo(900L);
    assertThat(ten.get("currency").toString()).isEqualTo("EUR");
  }
}
