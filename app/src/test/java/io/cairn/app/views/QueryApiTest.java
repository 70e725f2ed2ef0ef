package io.cairn.app.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.app.CairnApp;
import io.cairn.app.InProcessApp;
import io.cairn.app.write.CommandClient;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query endpoints over real HTTP, on views fed by commands sent to the same running app. */
@WithRealKafka
class QueryApiTest {
  @TempDir static Path stateDir;
  private static CairnApp app;
  private static CommandClient client;

  @BeforeAll
  static void start(KafkaTestCluster kafka) {
    app = InProcessApp.start(kafka, stateDir);
    client = new CommandClient(app.httpUri());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void shouldShowProductWithItsStockAndRating() {
    String product = id("product");
    send(
        "products",
        product,
        "DefineProduct",
        "{\"name\":\"Tea\",\"category\":\"drinks\",\"priceMinor\":450,\"currency\":\"EUR\"}");
    send("inventory", product, "ReceiveStock", "{\"quantity\":10}");
    send("inventory", product, "ReserveStock", "{\"orderId\":\"o-1\",\"quantity\":3}");
    send("products", product, "RateProduct", "{\"customerId\":\"c-1\",\"stars\":4}");
    send("products", product, "RateProduct", "{\"customerId\":\"c-2\",\"stars\":5}");

    JsonNode view =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> client.get("/api/v1/products/" + product),
                answer ->
                    answer.status() == 200
                        && answer.json().at("/rating/count").asInt() == 2
                        && answer.json().at("/stock/reserved").asInt() == 3)
            .json();

    assertThat(view.get("id").asText()).isEqualTo(product);
    assertThat(view.get("name").asText()).isEqualTo("Tea");
    assertThat(view.get("category").asText()).isEqualTo("drinks");
    assertThat(view.get("priceMinor").asLong()).isEqualTo(450);
    assertThat(view.get("currency").asText()).isEqualTo("EUR");
    assertThat(view.get("discontinued").asBoolean()).isFalse();
    assertThat(view.at("/rating/average").asDouble()).isEqualTo(4.5);
    assertThat(view.at("/stock/onHand").asInt()).isEqualTo(10);
    assertThat(view.at("/stock/available").asInt()).isEqualTo(7);
  }

  @Test
  void shouldPageThroughAnAggregatesEventsInOrder() {
    String cart = id("cart");
    for (int i = 1; i <= 5; i++) {
      send("carts", cart, "AddItem", "{\"productId\":\"p-" + i + "\",\"quantity\":" + i + "}");
    }
    String events = "/api/v1/carts/" + cart + "/events";
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> client.get(events + "?fromVersion=5"),
            answer -> answer.status() == 200 && answer.json().get("items").size() == 1);

    List<Long> versions = new ArrayList<>();
    String page = events + "?limit=2";
    while (page != null) {
      JsonNode body = client.get(page).json();
      body.get("items").forEach(item -> versions.add(item.get("version").asLong()));
      JsonNode next = body.get("nextCursor");
      page = next.isNull() ? null : events + "?limit=2&cursor=" + next.asText();
    }

    assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L);
    JsonNode first = client.get(events + "?limit=1").json().get("items").get(0);
    assertThat(first.get("type").asText()).isEqualTo("ItemAdded");
    assertThat(first.get("payload").toString()).isEqualTo("{\"productId\":\"p-1\",\"quantity\":1}");
    assertThat(first.get("occurredAt").asText()).endsWith("Z");
  }

  @Test
  void shouldAnswerNotFoundForUnknownEntities() {
    var product = client.get("/api/v1/products/" + id("nothing"));
    var events = client.get("/api/v1/carts/" + id("nothing") + "/events");
    var view = client.get("/api/v1/planets/p-1");

    assertThat(product.status()).isEqualTo(404);
    assertThat(product.error()).isEqualTo("not_found");
    assertThat(events.status()).isEqualTo(404);
    assertThat(events.error()).isEqualTo("not_found");
    assertThat(view.status()).isEqualTo(404);
    assertThat(view.error()).isEqualTo("unknown_view");
  }

  @Test
  void shouldRejectBadPagingParameters() {
    var answer = client.get("/api/v1/carts/c-1/events?limit=0&fromVersion=x&cursor=bogus");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).isEqualTo("validation_failed");
    assertThat(answer.json().at("/details/fields").findValuesAsText("field"))
        .containsExactlyInAnyOrder("limit", "fromVersion", "cursor");
  }

  private static void send(String type, String id, String command, String payload) {
    var answer = client.send(type, id, command, payload);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  private static String id(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
