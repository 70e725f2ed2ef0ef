package io.cairn.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.app.RunningApp;
import io.cairn.app.TopicReader;
import io.cairn.app.write.CommandClient;
import io.cairn.avro.carts.CartCheckedOut;
import io.cairn.avro.carts.ItemAdded;
import io.cairn.avro.customers.ConnectionRecorded;
import io.cairn.avro.customers.CustomerRegistered;
import io.cairn.avro.customers.PointsAwarded;
import io.cairn.avro.customers.PointsRedeemed;
import io.cairn.avro.inventory.StockReceived;
import io.cairn.avro.inventory.StockReserved;
import io.cairn.avro.orders.OrderCancelled;
import io.cairn.avro.orders.OrderConfirmed;
import io.cairn.avro.orders.OrderLine;
import io.cairn.avro.orders.OrderPlaced;
import io.cairn.avro.orders.OrderRefused;
import io.cairn.avro.orders.OrderShipped;
import io.cairn.avro.registry.RegistryClientConfig;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.serde.GenericAvroSerde;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A day of a shop, on the real broker: its events, at their times of a day long past, go into the
 * log, and every report then reads as the day went, over HTTP and on its topic of closed windows.
 * Products, orders and people are this run's own; the day's windows under the key {@code all} are
 * this test's alone, since no other test writes on that day.
 */
@WithRealKafka
class ScriptedDayTest {
  private static final Instant DAY = Instant.parse("2026-06-01T00:00:00Z");
  private static final List<String> REPORTS =
      List.of(
          "sales-by-product",
          "top-products",
          "order-funnel",
          "cart-abandonment",
          "points-flow",
          "connections",
          "stock-outs");

  // The day's windows closed long ago: each task publishes them once it has been quiet this long.
  @RegisterExtension
  static final RunningApp app = new RunningApp(List.of("--reports.caught.up.after=PT2S"));

  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final String tea = "sd-tea-" + run;
  private final String cake = "sd-cake-" + run;
  private final String ann = "sd-ann-" + run;
  private final String officer = "sd-off-" + run;

  private static Instant at(String time) {
    return Instant.parse("2026-06-01T" + time + ":00Z");
  }

  private static OrderPlaced placed(String customer, OrderLine... lines) {
    long total = 0;
    for (OrderLine line : lines) {
      total += line.getQuantity() * line.getUnitPriceMinor();
    }
    return new OrderPlaced(customer, "EUR", List.of(lines), total);
  }

  /** The day, in time order, as its commands would have left it in the log. */
  private void liveTheDay(DayScript day) {
    day.append("customers", ann, at("08:00"), new CustomerRegistered("Ann", "ann@example.org"));
    day.append("customers", officer, at("08:30"), new CustomerRegistered("Olga", "o@example.org"));
    day.append("inventory", tea, at("09:00"), new StockReceived(5));
    day.append("carts", "sd-c1-" + run, at("09:00"), new ItemAdded(tea, 1));
    day.append("carts", "sd-c1-" + run, at("09:10"), new ItemAdded(cake, 1));
    // Cart one is left alone from 9:10: abandoned at 9:40.
    day.append("carts", "sd-c2-" + run, at("10:00"), new ItemAdded(tea, 1));
    day.append("orders", "sd-o1-" + run, at("10:00"), placed(ann, new OrderLine(tea, 5, 450L)));
    day.append("inventory", tea, at("10:00"), new StockReserved("sd-o1-" + run, 5));
    day.append("carts", "sd-c2-" + run, at("10:05"), new CartCheckedOut(ann, List.of(), null));
    day.append("orders", "sd-o1-" + run, at("10:05"), new OrderConfirmed());
    day.append("customers", ann, at("10:06"), new PointsAwarded(10L, "order:sd-o1-" + run));
    day.append(
        "orders",
        "sd-o2-" + run,
        at("10:20"),
        placed(ann, new OrderLine(tea, 1, 450L), new OrderLine(cake, 2, 300L)));
    day.append(
        "customers", officer, at("11:00"), new ConnectionRecorded(ann, "citizen", at("11:00")));
    day.append("orders", "sd-o2-" + run, at("11:10"), new OrderCancelled("changed_mind"));
    day.append("inventory", tea, at("12:30"), new StockReceived(10));
    day.append("orders", "sd-o1-" + run, at("13:00"), new OrderShipped());
    day.append("orders", "sd-o3-" + run, at("14:00"), placed(ann, new OrderLine(cake, 1, 300L)));
    day.append("orders", "sd-o3-" + run, at("14:01"), new OrderConfirmed());
    day.append("orders", "sd-o4-" + run, at("15:00"), new OrderRefused(ann, "product_unavailable"));
    day.append("customers", ann, at("16:00"), new PointsRedeemed(5L, "voucher"));
  }

  private static JsonNode report(String name, String query) {
    return app.client().get("/api/v1/reports/" + name + "?" + query).json();
  }

  private static String day(Instant from, Instant to) {
    return "from=" + from + "&to=" + to;
  }

  @Test
  void everyReportReadsAsTheDayWentOverHttpAndOnItsTopic(KafkaTestCluster kafka) {
    try (DayScript day = new DayScript(kafka, app.registryUri())) {
      liveTheDay(day);
    }
    String wholeDay = day(DAY, DAY.plus(Duration.ofDays(1)));
    CommandClient client = app.client();

    JsonNode tea =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> report("sales-by-product", "key=" + this.tea + "&" + wholeDay),
                page -> page.get("items").size() == 2);
    assertThat(tea.at("/items/0/windowStart").asText()).isEqualTo(at("10:00").toString());
    assertThat(tea.at("/items/0/unitsSold").asLong()).isEqualTo(6);
    assertThat(tea.at("/items/0/revenueMinor").asLong()).isEqualTo(2700);
    assertThat(tea.at("/items/0/orders").asLong()).isEqualTo(2);
    assertThat(tea.at("/items/1/unitsSold").asLong()).as("cancelled at 11:10").isEqualTo(-1);

    JsonNode top = report("top-products", day(at("10:00"), at("10:05")));
    assertThat(top.get("items").findValuesAsText("key")).containsExactly(this.tea, cake);
    assertThat(top.at("/items/0/revenueMinor").asLong()).isEqualTo(2250 + 450);
    assertThat(top.at("/items/1/revenueMinor").asLong()).isEqualTo(600);

    Map<String, JsonNode> funnel =
        byStart(
            await()
                .atMost(Duration.ofSeconds(30))
                .until(
                    () -> report("order-funnel", wholeDay), page -> page.get("items").size() == 5));
    assertThat(funnel.get("10:00").get("placed").asLong()).isEqualTo(2);
    assertThat(funnel.get("10:00").get("confirmed").asLong()).isEqualTo(1);
    assertThat(funnel.get("10:00").get("confirmedShare").asDouble()).isEqualTo(0.5);
    assertThat(funnel.get("11:00").at("/cancelledByReason/changed_mind").asLong()).isEqualTo(1);
    assertThat(funnel.get("13:00").get("shipped").asLong()).isEqualTo(1);
    assertThat(funnel.get("14:00").get("confirmedShare").asDouble()).isEqualTo(1.0);
    assertThat(funnel.get("15:00").at("/cancelledByReason/product_unavailable").asLong())
        .isEqualTo(1);

    // Cart one's session ends by the events' time, or once its partition has been silent.
    Map<String, JsonNode> carts =
        byStart(
            await()
                .atMost(Duration.ofSeconds(120))
                .until(
                    () -> report("cart-abandonment", wholeDay),
                    page -> page.get("items").size() == 2));
    assertThat(carts.get("09:00").get("abandoned").asLong()).isEqualTo(1);
    assertThat(carts.get("10:00").get("checkedOut").asLong()).isEqualTo(1);
    assertThat(carts.get("10:00").get("abandonmentRate").asDouble()).isEqualTo(0.0);

    JsonNode points = report("points-flow", wholeDay).at("/items/0");
    assertThat(points.get("awarded").asLong()).isEqualTo(10);
    assertThat(points.get("redeemed").asLong()).isEqualTo(5);
    assertThat(points.at("/awardedByReason/order").asLong()).isEqualTo(10);
    assertThat(report("connections", "key=all&" + wholeDay).at("/items/0/logged").asLong())
        .isEqualTo(1);
    assertThat(
            report("connections", "key=" + officer + "&" + wholeDay).at("/items/0/logged").asLong())
        .isEqualTo(1);

    JsonNode stock = report("stock-outs", "key=" + this.tea + "&" + wholeDay).at("/items/0");
    assertThat(stock.get("stockOuts").asLong()).isEqualTo(1);
    assertThat(stock.get("secondsOutOfStock").asLong())
        .as("out from 10:00 to 12:30")
        .isEqualTo(9000);
    assertThat(stock.get("outSince").isNull()).isTrue();

    // The windows closed long ago: each task publishes them once it has been quiet two seconds.
    Map<String, GenericRecord> published =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofSeconds(2))
            .until(
                () -> published(kafka),
                found ->
                    found
                        .keySet()
                        .containsAll(
                            List.of(
                                "sales-by-product/" + this.tea + "@" + at("10:00"),
                                "order-funnel/all@" + at("10:00"),
                                "stock-outs/" + this.tea + "@" + DAY,
                                "cart-abandonment/all@" + at("09:00"),
                                "top-products/" + this.tea + "@" + at("10:00"),
                                "points-flow/all@" + DAY,
                                "connections/" + officer + "@" + DAY)));
    GenericRecord sales = published.get("sales-by-product/" + this.tea + "@" + at("10:00"));
    assertThat(sales.get("unitsSold")).isEqualTo(6L);
    assertThat(sales.get("revenueMinor")).isEqualTo(2700L);
    assertThat(sales.get("windowStart")).isEqualTo(at("10:00").toEpochMilli());
    assertThat(published.get("order-funnel/all@" + at("10:00")).get("placed")).isEqualTo(2L);
    assertThat(published.get("stock-outs/" + this.tea + "@" + DAY).get("secondsOutOfStock"))
        .isEqualTo(9000L);
    assertThat(published.get("cart-abandonment/all@" + at("09:00")).get("abandoned")).isEqualTo(1L);
    assertThat(published.get("top-products/" + this.tea + "@" + at("10:00")).get("revenueMinor"))
        .isEqualTo(2700L);
    assertThat(published.get("points-flow/all@" + DAY).get("redeemed")).isEqualTo(5L);
    assertThat(published.get("connections/" + officer + "@" + DAY).get("logged")).isEqualTo(1L);
    assertThat(client.get("/api/v1/reports").json().at("/items/0/lateBeyondGrace").asLong())
        .as("the day went in order")
        .isZero();
  }

  private static Map<String, JsonNode> byStart(JsonNode page) {
    Map<String, JsonNode> windows = new HashMap<>();
    page.get("items")
        .forEach(item -> windows.put(item.get("windowStart").asText().substring(11, 16), item));
    return windows;
  }

  /** The latest record of each window on the reports' topics, under {@code <report>/<key>}. */
  private Map<String, GenericRecord> published(KafkaTestCluster kafka) {
    @SuppressWarnings("unchecked") // GenericAvroSerde reads any record; the reader takes Objects.
    Deserializer<Object> values =
        (Deserializer<Object>)
            (Deserializer<?>)
                new GenericAvroSerde(
                        new SchemaRegistryClient(RegistryClientConfig.of(app.registryUri())),
                        false,
                        false)
                    .deserializer();
    Map<String, GenericRecord> latest = new HashMap<>();
    for (String report : REPORTS) {
      TopicReader.readAll(kafka, "cairn.reports." + report, values)
          .forEach(
              record -> latest.put(report + "/" + record.key(), (GenericRecord) record.value()));
    }
    return latest;
  }
}
