package io.cairn.app.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.app.RunningApp;
import io.cairn.testkit.WithRealKafka;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The query endpoints over real HTTP, on views fed by commands sent to the same running app. */
@WithRealKafka
class QueryApiTest {
  @RegisterExtension static final RunningApp app = new RunningApp();

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
                () -> app.client().get("/api/v1/products/" + product),
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
            () -> app.client().get(events + "?fromVersion=5"),
            answer -> answer.status() == 200 && answer.json().get("items").size() == 1);

    List<Long> versions = new ArrayList<>();
    String page = events + "?limit=2";
    while (page != null) {
      JsonNode body = app.client().get(page).json();
      body.get("items").forEach(item -> versions.add(item.get("version").asLong()));
      JsonNode next = body.get("nextCursor");
      page = next.isNull() ? null : events + "?limit=2&cursor=" + next.asText();
    }

    assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L);
    JsonNode first = app.client().get(events + "?limit=1").json().get("items").get(0);
    assertThat(first.get("type").asText()).isEqualTo("ItemAdded");
    assertThat(first.get("payload").toString()).isEqualTo("{\"productId\":\"p-1\",\"quantity\":1}");
    assertThat(first.get("occurredAt").asText()).endsWith("Z");
  }

  @Test
  void shouldAnswerNotFoundForUnknownEntities() {
    var product = app.client().get("/api/v1/products/" + id("nothing"));
    var events = app.client().get("/api/v1/carts/" + id("nothing") + "/events");
    var view = app.client().get("/api/v1/planets/p-1");

    assertThat(product.status()).isEqualTo(404);
    assertThat(product.error()).isEqualTo("not_found");
    assertThat(events.status()).isEqualTo(404);
    assertThat(events.error()).isEqualTo("not_found");
    assertThat(view.status()).isEqualTo(404);
    assertThat(view.error()).isEqualTo("unknown_view");
  }

  @Test
  void shouldRejectBadPagingParameters() {
    var answer = app.client().get("/api/v1/carts/c-1/events?limit=0&fromVersion=x&cursor=bogus");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).isEqualTo("validation_failed");
    assertThat(answer.json().at("/details/fields").findValuesAsText("field"))
        .containsExactlyInAnyOrder("limit", "fromVersion", "cursor");
  }

  @Test
  void shouldShowCartWithCurrentProductNamesPricesAndTotal() {
    String tea = definedProduct("Tea", "drinks", 450);
    String mug = definedProduct("Mug", "kitchen", 900);
    String cart = id("cart");
    send("carts", cart, "AddItem", "{\"productId\":\"" + tea + "\",\"quantity\":2}");
    send("carts", cart, "AddItem", "{\"productId\":\"" + mug + "\",\"quantity\":1}");
    send("products", tea, "ChangePrice", "{\"priceMinor\":500}");

    JsonNode view =
        eventually("/api/v1/carts/" + cart, json -> json.get("totalMinor").asLong() == 1900);

    assertThat(view.get("status").asText()).isEqualTo("OPEN");
    assertThat(view.get("currency").asText()).isEqualTo("EUR");
    assertThat(view.at("/lines/0/name").asText()).isEqualTo("Tea");
    assertThat(view.at("/lines/0/unitPriceMinor").asLong()).isEqualTo(500);
    assertThat(view.at("/lines/0/lineTotalMinor").asLong()).isEqualTo(1000);
    assertThat(view.at("/lines/1/name").asText()).isEqualTo("Mug");
  }

  @Test
  void shouldShowCustomerOrdersAndTheOrdersTimeline() {
    String tea = definedProduct("Tea", "drinks", 450);
    String customer = id("customer");
    send(
        "customers",
        customer,
        "RegisterCustomer",
        "{\"name\":\"Ada\",\"email\":\"ada@example.org\"}");
    send("customers", customer, "AwardPoints", "{\"points\":50,\"reason\":\"welcome\"}");
    List<String> orders = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      String order = id("order");
      orders.add(order);
      send("orders", order, "PlaceOrder", placeOrder(customer, tea, i));
    }
    send("orders", orders.get(0), "ConfirmOrder", "{}");
    send("orders", orders.get(1), "CancelOrder", "{\"reason\":\"late\"}");

    JsonNode profile =
        eventually(
            "/api/v1/customers/" + customer,
            json ->
                json.get("orderCount").asInt() == 3
                    && json.at("/lifetimeSpend/0/totalMinor").asLong() == 1200);
    assertThat(profile.get("points").asLong()).isEqualTo(50);
    assertThat(profile.at("/lifetimeSpend/0/currency").asText()).isEqualTo("EUR");

    JsonNode order =
        eventually(
            "/api/v1/orders/" + orders.get(0),
            json -> json.get("status").asText().equals("CONFIRMED"));
    assertThat(order.get("timeline").findValuesAsText("status"))
        .containsExactly("PLACED", "CONFIRMED");
    assertThat(order.at("/lines/0/name").asText()).isEqualTo("Tea");
    assertThat(order.get("customerId").asText()).isEqualTo(customer);

    List<String> listed = new ArrayList<>();
    String page = "/api/v1/customers/" + customer + "/orders?limit=2";
    while (page != null) {
      JsonNode body = app.client().get(page).json();
      body.get("items").forEach(item -> listed.add(item.get("orderId").asText()));
      page =
          body.get("nextCursor").isNull()
              ? null
              : "/api/v1/customers/"
                  + customer
                  + "/orders?limit=2&cursor="
                  + body.get("nextCursor").asText();
    }
    assertThat(listed).containsExactly(orders.get(2), orders.get(1), orders.get(0));
  }

  @Test
  void shouldListProductsOfACategoryInIdOrderAcrossPages() {
    String category = id("category");
    List<String> products = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      products.add(definedProduct("Item " + i, category, 100 + i));
    }
    definedProduct("Elsewhere", id("other"), 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> listed(category, 100).size() == 5);

    assertThat(listed(category, 2)).containsExactlyElementsOf(products.stream().sorted().toList());
  }

  @Test
  void shouldShowAnAggregatesOwnState() {
    String product = definedProduct("Tea", "drinks", 450);
    send("inventory", product, "ReceiveStock", "{\"quantity\":10}");

    JsonNode inventory = eventually("/api/v1/inventory/" + product, json -> true);
    JsonNode state = eventually("/api/v1/products/" + product + "/state", json -> true);

    assertThat(inventory.get("version").asLong()).isEqualTo(1);
    assertThat(inventory.at("/state/onHand").asInt()).isEqualTo(10);
    assertThat(state.get("type").asText()).isEqualTo("products");
    assertThat(state.at("/state/name").asText()).isEqualTo("Tea");
    assertThat(state.get("createdAt").asText()).endsWith("Z");
  }

  @Test
  void shouldReportEachViewsLagOverHttpAndJmx() throws Exception {
    definedProduct("Tea", "drinks", 450);

    JsonNode status =
        eventually(
            "/api/v1/views/status",
            json ->
                json.at("/views").findValues("name").stream()
                        .anyMatch(n -> n.asText().equals("products"))
                    && products(json).at("/endToEndLag/events").asLong() > 0);

    assertThat(status.get("state").asText()).isEqualTo("RUNNING");
    JsonNode products = products(status);
    assertThat(products.at("/endToEndLag/p99Ms").asLong())
        .isGreaterThanOrEqualTo(products.at("/endToEndLag/p50Ms").asLong());
    assertThat(products.get("consumerLagRecords").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(products.get("sources").toString()).isEqualTo("[\"inventory\",\"products\"]");
    Object events =
        ManagementFactory.getPlatformMBeanServer()
            .getAttribute(new ObjectName("io.cairn:type=views,view=products"), "Events");
    assertThat((Long) events).isPositive();
  }

  private static JsonNode products(JsonNode status) {
    for (JsonNode view : status.get("views")) {
      if (view.get("name").asText().equals("products")) {
        return view;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  @Test
  void shouldRefuseAnIdThatNoCommandCouldHaveMade() {
    var answer = app.client().get("/api/v1/products/" + "x".repeat(65));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).isEqualTo("validation_failed");
    assertThat(answer.json().at("/details/fields/0/field").asText()).isEqualTo("id");
    assertThat(app.client().get("/api/v1/carts/a%20b/events").status()).isEqualTo(400);
  }

  @Test
  void shouldRejectUnknownListFilter() {
    var answer = app.client().get("/api/v1/products?catgory=drinks");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).isEqualTo("validation_failed");
    assertThat(answer.json().at("/details/fields/0/field").asText()).isEqualTo("catgory");
  }

  private static List<String> listed(String category, int limit) {
    List<String> ids = new ArrayList<>();
    String page = "/api/v1/products?category=" + category + "&limit=" + limit;
    while (page != null) {
      JsonNode body = app.client().get(page).json();
      body.get("items").forEach(item -> ids.add(item.get("id").asText()));
      JsonNode next = body.get("nextCursor");
      page =
          next.isNull()
              ? null
              : "/api/v1/products?category="
                  + category
                  + "&limit="
                  + limit
                  + "&cursor="
                  + next.asText();
    }
    return ids;
  }

  private static String definedProduct(String name, String category, long priceMinor) {
    String product = id("product");
    send(
        "products",
        product,
        "DefineProduct",
        "{\"name\":\"%s\",\"category\":\"%s\",\"priceMinor\":%d,\"currency\":\"EUR\"}"
            .formatted(name, category, priceMinor));
    return product;
  }

  private static String placeOrder(String customer, String product, int quantity) {
    return "{\"customerId\":\"%s\",\"currency\":\"EUR\",\"lines\":[{\"productId\":\"%s\",\"quantity\":%d,\"unitPriceMinor\":300}]}"
        .formatted(customer, product, quantity);
  }

  private static JsonNode eventually(String path, java.util.function.Predicate<JsonNode> ready) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> app.client().get(path),
            answer -> answer.status() == 200 && ready.test(answer.json()))
        .json();
  }

  private static void send(String type, String id, String command, String payload) {
    var answer = app.client().send(type, id, command, payload);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  private static String id(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
