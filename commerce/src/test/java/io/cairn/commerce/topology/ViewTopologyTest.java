package io.cairn.commerce.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.avro.inventory.InventoryCommand;
import io.cairn.avro.inventory.ReceiveStock;
import io.cairn.avro.products.ChangePrice;
import io.cairn.avro.products.DefineProduct;
import io.cairn.avro.products.ProductCommand;
import io.cairn.commerce.views.ProductView;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import io.cairn.topology.views.HistoryKey;
import io.cairn.topology.views.ViewStores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The views topology under TopologyTestDriver, fed by the write side's events as in the app: the
 * product view joins products and inventory events, and every event lands in its history store.
 */
@WithRealKafka
class ViewTopologyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant ISSUED = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir Path stateDir;
  private WriteSideDriver driver;

  @BeforeEach
  void start(KafkaTestCluster kafka) {
    driver = new WriteSideDriver(kafka, stateDir, true);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldFoldProductAndInventoryEventsIntoOneView() {
    driver
        .commands("products")
        .pipeInput("p1", product("p1", new DefineProduct("Tea", "drinks", 450L, "EUR")));
    driver.commands("inventory").pipeInput("p1", inventory("p1", new ReceiveStock(10)));
    driver.commands("products").pipeInput("p1", product("p1", new ChangePrice(500L)));

    KeyValueStore<String, ProductView> views = driver.store(ViewStores.view("products"));
    assertThat(views.get("p1"))
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
    driver
        .commands("products")
        .pipeInput("p1", product("p1", new DefineProduct("Tea", "drinks", 450L, "EUR")));
    driver.commands("products").pipeInput("p1", product("p1", new ChangePrice(500L)));
    driver
        .commands("products")
        .pipeInput("p10", product("p10", new DefineProduct("Mug", "kitchen", 900L, "EUR")));

    KeyValueStore<Bytes, byte[]> history = driver.store(ViewStores.history("products"));
    List<JsonNode> p1 = new ArrayList<>();
    try (var range = history.range(HistoryKey.of("p1", 0), HistoryKey.of("p1", Long.MAX_VALUE))) {
      while (range.hasNext()) {
        p1.add(JSON.readTree(range.next().value));
      }
    }

    assertThat(p1).extracting(e -> e.get("version").asLong()).containsExactly(1L, 2L);
    assertThat(p1)
        .extracting(e -> e.get("type").asText())
        .containsExactly("ProductDefined", "PriceChanged");
    assertThat(p1.get(1).get("payload").get("priceMinor").asLong()).isEqualTo(500);
    assertThat(p1.get(0).get("occurredAt").asText()).isNotBlank();
  }

  private static ProductCommand product(String id, Object payload) {
    return ProductCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setAggregateId(id)
        .setExpectedVersion(null)
        .setIssuedAt(ISSUED)
        .setCorrelationId("flow-1")
        .setIdempotencyKey(null)
        .setPayload(payload)
        .build();
  }

  private static InventoryCommand inventory(String id, Object payload) {
    return InventoryCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setAggregateId(id)
        .setExpectedVersion(null)
        .setIssuedAt(ISSUED)
        .setCorrelationId("flow-1")
        .setIdempotencyKey(null)
        .setPayload(payload)
        .build();
  }
}
