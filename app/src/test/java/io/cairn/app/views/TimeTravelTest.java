package io.cairn.app.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.app.RunningApp;
import io.cairn.testkit.WithRealKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Views and aggregate states as of past instants, over real HTTP on the real broker. */
@WithRealKafka
class TimeTravelTest {
  @RegisterExtension static final RunningApp app = new RunningApp();

  @Test
  void shouldShowTheProductAsItWasAtEachInstantOfItsHistory() {
    String product = "tt-" + UUID.randomUUID().toString().substring(0, 8);
    send(
        "products",
        product,
        "DefineProduct",
        "{\"name\":\"Tea\",\"category\":\"drinks\",\"priceMinor\":450,\"currency\":\"EUR\"}");
    send("products", product, "ChangePrice", "{\"priceMinor\":500}");
    send("inventory", product, "ReceiveStock", "{\"quantity\":7}");
    send("products", product, "ChangePrice", "{\"priceMinor\":550}");
    List<Instant> priced = occurredAt("products", product, 3);
    Instant stocked = occurredAt("inventory", product, 1).getFirst();
    String path = "/api/v1/products/" + product;
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> app.client().get(path).json().path("priceMinor").asLong() == 550);

    List<Long> prices = List.of(450L, 500L, 550L);
    for (int i = 0; i < priced.size(); i++) {
      JsonNode then = app.client().get(path + "?asOf=" + priced.get(i)).json();
      assertThat(then.get("priceMinor").asLong())
          .as("as of event %d", i + 1)
          .isEqualTo(latest(priced, prices, priced.get(i)));
      int stock = priced.get(i).isBefore(stocked) ? 0 : 7;
      assertThat(then.at("/stock/onHand").asInt()).isEqualTo(stock);
    }
    var before = app.client().get(path + "?asOf=" + priced.getFirst().minusMillis(1));
    assertThat(before.status()).isEqualTo(404);
    assertThat(before.error()).isEqualTo("not_found");
  }

  @Test
  void shouldFoldTheAggregatesStateAsOfAnInstant() {
    String cart = "tt-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 1; i <= 3; i++) {
      send("carts", cart, "AddItem", "{\"productId\":\"p-" + i + "\",\"quantity\":1}");
    }
    List<Instant> added = occurredAt("carts", cart, 3);

    JsonNode second =
        app.client().get("/api/v1/carts/" + cart + "/state?asOf=" + added.get(1)).json();
    JsonNode now = app.client().get("/api/v1/carts/" + cart + "/state").json();

    assertThat(second.get("version").asLong()).isEqualTo(added.get(2).equals(added.get(1)) ? 3 : 2);
    assertThat(second.get("createdAt").asText()).isEqualTo(added.getFirst().toString());
    assertThat(now.get("version").asLong()).isEqualTo(3);
    var before =
        app.client()
            .get("/api/v1/carts/" + cart + "/state?asOf=" + added.getFirst().minusMillis(1));
    assertThat(before.status()).isEqualTo(404);
  }

  @Test
  void shouldFoldAViewOlderThanItsKeptVersionsFromTheHistoryOrSayWhyNot() {
    String old = "2020-01-01T00:00:00Z";
    var product = app.client().get("/api/v1/products/p-none?asOf=" + old);
    var customer = app.client().get("/api/v1/customers/c-none?asOf=" + old);

    assertThat(product.status()).isEqualTo(404);
    assertThat(customer.status()).as(customer.body()).isEqualTo(410);
    assertThat(customer.error()).isEqualTo("history_expired");
  }

  @Test
  void shouldRejectAnAsOfThatIsNotAnInstant() {
    var answer = app.client().get("/api/v1/products/p-1?asOf=yesterday");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).isEqualTo("validation_failed");
    assertThat(answer.body()).contains("asOf");
  }

  private static long latest(List<Instant> instants, List<Long> values, Instant at) {
    long value = 0;
    for (int i = 0; i < instants.size(); i++) {
      if (!instants.get(i).isAfter(at)) {
        value = values.get(i);
      }
    }
    return value;
  }

  /** The instants of an aggregate's events, once the views hold them all. */
  private static List<Instant> occurredAt(String type, String id, int count) {
    String events = "/api/v1/" + type + "/" + id + "/events";
    JsonNode items =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> app.client().get(events),
                answer -> answer.status() == 200 && answer.json().get("items").size() == count)
            .json()
            .get("items");
    List<Instant> instants = new ArrayList<>();
    items.forEach(item -> instants.add(Instant.parse(item.get("occurredAt").asText())));
    return instants;
  }

  private static void send(String type, String id, String command, String payload) {
    var answer = app.client().send(type, id, command, payload);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }
}
