package io.cairn.app.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.app.write.CommandClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A scripted sequence of commands touching every aggregate type and every view, on ids of its own,
 * and the answers of every query about what it made.
 */
final class Scenario {
  /**
   * How many events the script appends: 25 of its commands', and 7 of the checkout its cart sets
   * off (a quote, the order placed and confirmed, a reservation, the payment asked and authorised,
   * the customer notified).
   */
  static final int EVENTS = 32;

  private final CommandClient client;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final Map<String, String> lastTokens = new LinkedHashMap<>();

  Scenario(CommandClient client) {
    this.client = client;
  }

  /** The id of an entity of this run: {@code p1} becomes {@code p1-<run>}. */
  String id(String name) {
    return name + "-" + run;
  }

  /** Whether an id is one of this run's entities. */
  boolean owns(String id) {
    return id.endsWith("-" + run);
  }

  /** Sends every command of the script; each must be accepted. */
  Scenario play() {
    product("p1", "Tea", "drinks", 450);
    product("p2", "Cake", "food", 300);
    send("products", "p1", "ChangePrice", "{\"priceMinor\":500}");
    send("products", "p1", "RateProduct", "{\"customerId\":\"%s\",\"stars\":5}", id("c1"));
    send("products", "p1", "RateProduct", "{\"customerId\":\"%s\",\"stars\":4}", id("c2"));
    send("inventory", "p1", "ReceiveStock", "{\"quantity\":10}");
    send("inventory", "p2", "ReceiveStock", "{\"quantity\":5}");
    send("inventory", "p1", "ReserveStock", "{\"orderId\":\"%s\",\"quantity\":2}", id("o1"));
    send("customers", "c1", "RegisterCustomer", "{\"name\":\"Ann\",\"email\":\"ann@example.org\"}");
    send("customers", "c2", "RegisterCustomer", "{\"name\":\"Bob\",\"email\":\"bob@example.org\"}");
    send("customers", "c1", "AwardPoints", "{\"points\":100,\"reason\":\"welcome\"}");
    send("customers", "c1", "RedeemPoints", "{\"points\":30,\"reason\":\"gift\"}");
    send("customers", "c1", "ChangeProfile", "{\"name\":\"Anna\"}");
    send("carts", "k1", "AddItem", "{\"productId\":\"%s\",\"quantity\":2}", id("p1"));
    send("carts", "k1", "AddItem", "{\"productId\":\"%s\",\"quantity\":1}", id("p2"));
    send("carts", "k1", "RemoveItem", "{\"productId\":\"%s\"}", id("p2"));
    send("carts", "k1", "CheckOut", "{\"customerId\":\"%s\"}", id("c1"));
    order("o1", "c1", "p1", 2, 500);
    send("orders", "o1", "ConfirmOrder", "{}");
    send("inventory", "p1", "ShipStock", "{\"orderId\":\"%s\"}", id("o1"));
    send("orders", "o1", "ShipOrder", "{}");
    order("o2", "c1", "p2", 1, 300);
    send("orders", "o2", "CancelOrder", "{\"reason\":\"changed mind\"}");
    order("o3", "c2", "p1", 1, 500);
    send("products", "p2", "DiscontinueProduct", "{}");
    awaitTheCheckout();
    return this;
  }

  /**
   * Waits until the checkout of cart k1 has confirmed its order and told the customer, and every
   * view shows it: the script's answers are then settled, as nothing else moves.
   */
  private void awaitTheCheckout() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                client
                        .get("/api/v1/customers/" + id("c1") + "/events")
                        .body()
                        .contains("\"CustomerNotified\"")
                    && client
                        .get("/api/v1/customers/" + id("c1") + "/orders")
                        .body()
                        .contains("\"CONFIRMED\"")
                    && client
                        .get("/api/v1/orders/" + id("k1"))
                        .body()
                        .contains("\"paymentStatus\":\"AUTHORIZED\"")
                    && client.get("/api/v1/payments/" + id("k1")).status() == 200
                    && client
                        .get("/api/v1/products/" + id("p1"))
                        .body()
                        .contains("\"reserved\":2"));
  }

  private void product(String name, String title, String category, long price) {
    send(
        "products",
        name,
        "DefineProduct",
        "{\"name\":\"%s\",\"category\":\"%s\",\"priceMinor\":%d,\"currency\":\"EUR\"}",
        title,
        category,
        price);
  }

  private void order(String name, String customer, String product, int quantity, long price) {
    send(
        "orders",
        name,
        "PlaceOrder",
        "{\"customerId\":\"%s\",\"currency\":\"EUR\",\"lines\":[{\"productId\":\"%s\","
            + "\"quantity\":%d,\"unitPriceMinor\":%d}]}",
        id(customer),
        id(product),
        quantity,
        price);
  }

  private void send(String type, String name, String command, String payload, Object... args) {
    CommandClient.Answer answer = client.send(type, id(name), command, payload.formatted(args));
    assertThat(answer.status()).as("%s %s: %s", command, name, answer.body()).isEqualTo(200);
    lastTokens.put(type + "/" + id(name), answer.json().get("consistencyToken").asText());
  }

  /**
   * Every query's answer, by path: each view entry, list and aggregate the script touched.
   *
   * @param waitForTheScript whether each query carries the tokens of the commands it must reflect,
   *     in turn; without, each is asked once and answered from what the views hold
   */
  SortedMap<String, String> answers(boolean waitForTheScript) {
    SortedMap<String, String> answers = new TreeMap<>();
    Map<String, List<String>> tokens = queries();
    tokens.forEach(
        (path, needed) -> answers.put(path, answer(path, waitForTheScript ? needed : List.of())));
    // Lists last, once every entry in them has been waited for.
    for (String list :
        List.of("/api/v1/products?limit=1000", "/api/v1/products?category=drinks&limit=1000")) {
      answers.put(list, answer(list, List.of()));
    }
    return answers;
  }

  /** Each entity query, with the tokens of the commands whose effect it shows. */
  private Map<String, List<String>> queries() {
    Map<String, List<String>> queries = new LinkedHashMap<>();
    for (String p : List.of("p1", "p2")) {
      queries.put("/api/v1/products/" + id(p), tokens("products/" + p, "inventory/" + p));
    }
    queries.put("/api/v1/carts/" + id("k1"), tokens("carts/k1"));
    // What the cart's checkout made, settled before the script returned.
    queries.put("/api/v1/orders/" + id("k1"), List.of());
    queries.put("/api/v1/payments/" + id("k1"), List.of());
    for (String o : List.of("o1", "o2", "o3")) {
      queries.put("/api/v1/orders/" + id(o), tokens("orders/" + o));
    }
    queries.put("/api/v1/customers/" + id("c1"), tokens("customers/c1", "orders/o1", "orders/o2"));
    queries.put("/api/v1/customers/" + id("c2"), tokens("customers/c2", "orders/o3"));
    queries.put("/api/v1/customers/" + id("c1") + "/orders", tokens("orders/o1", "orders/o2"));
    queries.put("/api/v1/customers/" + id("c2") + "/orders", tokens("orders/o3"));
    for (String aggregate : lastTokens.keySet()) {
      queries.put("/api/v1/" + aggregate + "/events", List.of(lastTokens.get(aggregate)));
      queries.put("/api/v1/" + aggregate + "/state", List.of(lastTokens.get(aggregate)));
    }
    return queries;
  }

  private List<String> tokens(String... aggregates) {
    List<String> tokens = new ArrayList<>();
    for (String aggregate : aggregates) {
      String[] parts = aggregate.split("/");
      tokens.add(lastTokens.get(parts[0] + "/" + id(parts[1])));
    }
    return tokens;
  }

  private String answer(String path, List<String> tokens) {
    CommandClient.Answer answer = null;
    for (String token : tokens) {
      answer = client.get(withToken(path, token));
    }
    if (answer == null) {
      answer = client.get(path);
    }
    assertThat(answer.status()).as("%s: %s", path, answer.body()).isEqualTo(200);
    return answer.body();
  }

  private static String withToken(String path, String token) {
    return path
        + (path.contains("?") ? "&" : "?")
        + "consistencyToken="
        + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }
}
