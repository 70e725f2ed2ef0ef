package io.cairn.engine.views.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.avro.customers.RegisterCustomer;
import io.cairn.avro.inventory.ReceiveStock;
import io.cairn.avro.orders.CancelOrder;
import io.cairn.avro.orders.ConfirmOrder;
import io.cairn.avro.orders.PlaceOrder;
import io.cairn.avro.orders.PlaceOrderLine;
import io.cairn.avro.products.ChangePrice;
import io.cairn.avro.products.DefineProduct;
import io.cairn.avro.products.PriceChanged;
import io.cairn.avro.products.ProductEvent;
import io.cairn.avro.products.ProductRated;
import io.cairn.avro.testing.NewerEnvelope;
import io.cairn.commerce.Commerce;
import io.cairn.commerce.customers.CustomerOrderRow;
import io.cairn.commerce.customers.CustomerView;
import io.cairn.commerce.orders.Orders;
import io.cairn.commerce.products.ProductView;
import io.cairn.commerce.products.Products;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.view.Projection;
import io.cairn.engine.streams.SkippedRecords;
import io.cairn.engine.testing.TopologyDriver;
import io.cairn.engine.views.stores.AggregateEntry;
import io.cairn.engine.views.stores.DecodedEvent;
import io.cairn.engine.views.stores.HistoryEntry;
import io.cairn.engine.views.stores.HistoryReplay;
import io.cairn.engine.views.stores.OrderedKey;
import io.cairn.engine.views.stores.PastVersions;
import io.cairn.engine.views.stores.ViewEntry;
import io.cairn.engine.views.stores.ViewStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The views topology under TopologyTestDriver, fed by the write side's events as in the app: the
 * product view joins products and inventory events, every event lands in its history store, and
 * order events reach their customer's views through the views' repartition.
 */
class ViewTopologyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant ISSUED = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir Path stateDir;
  private TopologyDriver driver;

  @BeforeEach
  void start() {
    driver = new TopologyDriver(Commerce.aggregateTypes(), Commerce.projections(), stateDir);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldFoldProductAndInventoryEventsIntoOneView() {
    driver.send("products", "p1", new DefineProduct("Tea", "drinks", 450L, "EUR"));
    driver.send("inventory", "p1", new ReceiveStock(10));
    driver.send("products", "p1", new ChangePrice(500L));

    KeyValueStore<String, ViewEntry<ProductView>> views =
        driver.store(ViewStores.view(view("products")));
    assertThat(views.get("p1").view())
        .isEqualTo(
            new ProductView(
                "p1",
                "Tea",
                "drinks",
                500,
                "EUR",
                false,
                new ProductView.Rating(0, 0),
                new ProductView.Stock(10, 0)));
  }

  @Test
  void shouldKeepEveryEventByAggregateAndVersion() throws Exception {
    driver.send("products", "p1", new DefineProduct("Tea", "drinks", 450L, "EUR"));
    driver.send("products", "p1", new ChangePrice(500L));
    driver.send("products", "p10", new DefineProduct("Mug", "kitchen", 900L, "EUR"));

    KeyValueStore<Bytes, byte[]> history = driver.store(ViewStores.history(Products.TYPE));
    List<JsonNode> p1 = new ArrayList<>();
    try (var range = history.range(OrderedKey.of("p1", 0), OrderedKey.of("p1", Long.MAX_VALUE))) {
      while (range.hasNext()) {
        p1.add(JSON.readTree(HistoryEntry.shown(range.next().value)));
      }
    }

    assertThat(p1).extracting(e -> e.get("version").asLong()).containsExactly(1L, 2L);
    assertThat(p1)
        .extracting(e -> e.get("type").asText())
        .containsExactly("ProductDefined", "PriceChanged");
    assertThat(p1.get(1).get("payload").get("priceMinor").asLong()).isEqualTo(500);
    assertThat(p1.get(0).get("occurredAt").asText()).isNotBlank();
  }

  @Test
  void shouldKeepEachVersionOfAViewAtItsEventsTime() {
    Instant defined = driver.now();
    driver.send("products", "p1", new DefineProduct("Tea", "drinks", 450L, "EUR"));
    driver.advance(Duration.ofMinutes(1));
    Instant stocked = driver.now();
    driver.send("inventory", "p1", new ReceiveStock(10));
    driver.advance(Duration.ofMinutes(1));
    Instant repriced = driver.now();
    driver.send("products", "p1", new ChangePrice(500L));

    assertThat(productAt(defined.toEpochMilli() - 1)).isNull();
    assertThat(priceAndStock(productAt(defined.toEpochMilli()).view())).isEqualTo(tuple(450L, 0));
    assertThat(priceAndStock(productAt(repriced.toEpochMilli() - 1).view()))
        .isEqualTo(tuple(450L, 10));
    assertThat(priceAndStock(productAt(repriced.toEpochMilli()).view())).isEqualTo(tuple(500L, 10));
    assertThat(productAt(stocked.toEpochMilli()).validFrom()).isEqualTo(stocked.toEpochMilli());
  }

  @Test
  void shouldNeverFileAVersionBeforeTheOneItFollows() {
    driver.send("products", "p1", new DefineProduct("Tea", "drinks", 450L, "EUR"));
    driver.advance(Duration.ofMinutes(1));
    Instant repriced = driver.now();
    driver.send("products", "p1", new ChangePrice(500L));
    driver.rewind(Duration.ofMinutes(2));
    driver.send("inventory", "p1", new ReceiveStock(10));

    var latest = productAt(Long.MAX_VALUE);
    assertThat(latest.validFrom()).isEqualTo(repriced.toEpochMilli());
    assertThat(priceAndStock(latest.view())).isEqualTo(tuple(500L, 10));
    assertThat(priceAndStock(productAt(repriced.toEpochMilli() - 1).view()))
        .isEqualTo(tuple(450L, 0));
  }

  @Test
  void shouldDropOnlyTheVersionsNoQueryWithinTheRetentionCanSee() {
    driver.send("products", "p1", new DefineProduct("Tea", "drinks", 450L, "EUR"));
    driver.send("products", "p2", new DefineProduct("Mate", "drinks", 300L, "EUR"));
    Instant defined = driver.now();
    driver.advance(Duration.ofDays(1));
    driver.send("products", "p1", new ChangePrice(500L));
    Instant repriced = driver.now();
    driver.advance(Duration.ofDays(1));
    driver.send("products", "p1", new ChangePrice(550L));
    Instant last = driver.now();
    driver.advance(Duration.ofDays(7).minus(Duration.ofHours(12)));
    Instant cutoff = driver.now().minus(Duration.ofDays(7));

    assertThat(productAt(defined.toEpochMilli())).as("replaced before the cut-off").isNull();
    assertThat(productAt(cutoff.toEpochMilli()).view().priceMinor()).isEqualTo(500L);
    assertThat(productAt(cutoff.toEpochMilli()).validFrom()).isEqualTo(repriced.toEpochMilli());
    assertThat(productAt(last.toEpochMilli()).view().priceMinor()).isEqualTo(550L);
    KeyValueStore<Bytes, byte[]> store = driver.store(ViewStores.versions(view("products")));
    assertThat(
            PastVersions.<ProductView>of(view("products"))
                .asOf(store, "p2", driver.now().toEpochMilli())
                .map(version -> version.view().priceMinor()))
        .as("a view's only version, however old")
        .contains(300L);
  }

  @Test
  void shouldFoldTheSameViewsAndStatesAgainFromTheHistory() {
    List<Instant> instants = new ArrayList<>();
    driver.send("products", "p1", new DefineProduct("Tea", "drinks", 450L, "EUR"));
    for (int i = 1; i <= 4; i++) {
      instants.add(driver.now());
      driver.advance(Duration.ofSeconds(10));
      driver.send("inventory", "p1", new ReceiveStock(i));
      driver.send("products", "p1", new ChangePrice(450L + i));
    }
    instants.add(driver.now());
    HistoryReplay replay = new HistoryReplay(Commerce.aggregateTypes(), 100_000);

    for (Instant at : instants) {
      List<DecodedEvent> events = new ArrayList<>(replayed(replay, "products", at));
      events.addAll(replayed(replay, "inventory", at));
      ProductView refolded = HistoryReplay.refold(view("products"), "p1", events);
      assertThat(refolded).isEqualTo(productAt(at.toEpochMilli()).view());
    }
    KeyValueStore<String, AggregateEntry<Products.ProductState>> states =
        driver.store(ViewStores.aggregates(Products.TYPE));
    assertThat(HistoryReplay.latest(replayed(replay, "products", driver.now())))
        .contains(states.get("p1"));
  }

  private List<DecodedEvent> replayed(HistoryReplay replay, String type, Instant asOf) {
    KeyValueStore<Bytes, byte[]> history = driver.store(ViewStores.history(type(type)));
    List<byte[]> entries = new ArrayList<>();
    try (var range = history.range(OrderedKey.of("p1", 1), OrderedKey.of("p1", Long.MAX_VALUE))) {
      range.forEachRemaining(entry -> entries.add(entry.value));
    }
    return replay.replay(type, "p1", entries.iterator(), asOf);
  }

  /** The products view of p1 as it was at an instant, or null. */
  private PastVersions.Version<ProductView> productAt(long at) {
    KeyValueStore<Bytes, byte[]> store = driver.store(ViewStores.versions(view("products")));
    return PastVersions.<ProductView>of(view("products")).asOf(store, "p1", at).orElse(null);
  }

  @SuppressWarnings("unchecked")
  private static <V> Projection<V> view(String name) {
    return (Projection<V>)
        Commerce.projections().stream()
            .filter(v -> v.name().equals(name))
            .findFirst()
            .orElseThrow();
  }

  private static AggregateType<?, ?, ?> type(String name) {
    return Commerce.aggregateTypes().stream()
        .filter(type -> type.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static org.assertj.core.groups.Tuple priceAndStock(ProductView view) {
    return tuple(view.priceMinor(), view.stock().onHand());
  }

  @Test
  void shouldFileOrdersUnderTheirCustomerThroughRepartition() {
    driver.send("customers", "cu1", new RegisterCustomer("Ada", "ada@example.org"));
    driver.send("orders", "o1", order("cu1", 2, 450));
    driver.send("orders", "o2", order("cu1", 1, 900));
    driver.send("orders", "o2", new CancelOrder("changed my mind"));

    KeyValueStore<String, ViewEntry<CustomerView>> customers =
        driver.store(ViewStores.view(view("customers")));
    assertThat(customers.get("cu1").view())
        .isEqualTo(
            new CustomerView(
                "cu1",
                "Ada",
                "ada@example.org",
                0,
                2,
                List.of(new CustomerView.Spend("EUR", 900)),
                0,
                0,
                new CustomerView.Connections(0, List.of())));
    assertThat(customers.get("cu1").hasSeen("orders", "o2", 2)).isTrue();
    assertThat(customers.get("cu1").hasSeen("orders", "o1", 2)).isFalse();
    KeyValueStore<String, ViewEntry<CustomerOrderRow>> rows =
        driver.store(ViewStores.view(view("customer-orders")));
    List<CustomerOrderRow> orders = new ArrayList<>();
    try (var range = rows.prefixScan("cu1\u0000", Serdes.String().serializer())) {
      range.forEachRemaining(row -> orders.add(row.value.view()));
    }
    assertThat(orders)
        .extracting(CustomerOrderRow::orderId, CustomerOrderRow::status)
        .containsExactlyInAnyOrder(
            tuple("o1", Orders.OrderStatus.PLACED), tuple("o2", Orders.OrderStatus.CANCELLED));
  }

  @Test
  void shouldReadAnEventLoggedBeforeItsShapeChangedAsTheEventItMeansNow() throws Exception {
    driver.send("products", "p1", new DefineProduct("Tea", "drinks", 450L, "EUR"));
    driver.append("products", "p1", legacyRating("p1", 2, 4, null));
    driver.append("products", "p1", legacyRating("p1", 3, 5, 4));

    KeyValueStore<String, ViewEntry<ProductView>> views =
        driver.store(ViewStores.view(view("products")));
    assertThat(views.get("p1").view().rating()).isEqualTo(new ProductView.Rating(1, 5));
    KeyValueStore<String, AggregateEntry<Products.ProductState>> states =
        driver.store(ViewStores.aggregates(Products.TYPE));
    assertThat(states.get("p1").state().ratings()).containsExactly(new Products.Rating("c1", 5));
    KeyValueStore<Bytes, byte[]> history = driver.store(ViewStores.history(Products.TYPE));
    JsonNode given = JSON.readTree(HistoryEntry.shown(history.get(OrderedKey.of("p1", 2))));
    JsonNode revised = JSON.readTree(HistoryEntry.shown(history.get(OrderedKey.of("p1", 3))));
    assertThat(given.get("type").asText()).isEqualTo("RatingGiven");
    assertThat(given.get("payload").toString()).isEqualTo("{\"customerId\":\"c1\",\"stars\":4}");
    assertThat(revised.get("type").asText()).isEqualTo("RatingRevised");
    assertThat(revised.at("/payload/previousStars").asInt()).isEqualTo(4);
  }

  @Test
  void shouldPassOverAnEventOfATypeNewerCodeAddedAndCountIt() {
    driver.send("products", "p1", new DefineProduct("Tea", "drinks", 450L, "EUR"));
    ProductEvent defined = (ProductEvent) driver.events("products").readValue();
    NewerEnvelope newer = NewerEnvelope.of(ProductEvent.getClassSchema(), "ProductPhotographed");
    driver.appendGeneric("products", "p1", newer.carrying(next(defined, 2, null), "tea.jpg"));
    driver.append("products", "p1", next(defined, 3, new PriceChanged(500L, 450L, "EUR")));

    KeyValueStore<String, ViewEntry<ProductView>> views =
        driver.store(ViewStores.view(view("products")));
    assertThat(views.get("p1").view().priceMinor()).isEqualTo(500);
    assertThat(driver.skipped().all())
        .containsExactly(
            new SkippedRecords.Count(
                "cairn.products.events",
                SkippedRecords.Reason.UNKNOWN_TYPE,
                "ProductPhotographed",
                1));
  }

  /** The product's next event, as its log would hold it. */
  private static ProductEvent next(ProductEvent first, long version, Object payload) {
    return ProductEvent.newBuilder(first)
        .setEventId("e-" + version)
        .setAggregateVersion(version)
        .setPayload(payload == null ? first.getPayload() : payload)
        .build();
  }

  /** A rating as the catalogue logged it before v2, when ratings were one event type. */
  private ProductEvent legacyRating(String id, long version, int stars, Integer previous) {
    return ProductEvent.newBuilder()
        .setEventId("legacy-" + version)
        .setAggregateId(id)
        .setAggregateVersion(version)
        .setOccurredAt(driver.now())
        .setCommandId("legacy-" + version)
        .setCorrelationId("legacy-" + version)
        .setPayload(new ProductRated("c1", stars, previous))
        .build();
  }

  @Test
  void shouldFoldEachAggregatesStateWithItsDecider() {
    driver.send("orders", "o1", order("cu1", 2, 450));
    driver.send("orders", "o1", new ConfirmOrder());

    KeyValueStore<String, AggregateEntry<Orders.OrderState>> states =
        driver.store(ViewStores.aggregates(Orders.TYPE));
    AggregateEntry<Orders.OrderState> entry = states.get("o1");
    assertThat(entry.version()).isEqualTo(2);
    assertThat(entry.state().status()).isEqualTo(Orders.OrderStatus.CONFIRMED);
    assertThat(entry.state().totalMinor()).isEqualTo(900);
  }

  private static PlaceOrder order(String customerId, int quantity, long unitPriceMinor) {
    return new PlaceOrder(
        customerId, "EUR", List.of(new PlaceOrderLine("p1", quantity, unitPriceMinor)));
  }
}
