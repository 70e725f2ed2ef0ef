package io.cairn.app.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.app.write.CommandClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A customer of meal subscriptions as a client sees Cairn over HTTP, for the subscription tests: a
 * product in stock, a subscription to it, and the subscription's view, events and orders.
 */
final class Subscriber {
  private static final Duration SETTLED = Duration.ofSeconds(90);

  private final CommandClient client;
  private final String customerId = "cu-" + UUID.randomUUID();

  Subscriber(CommandClient client) {
    this.client = client;
  }

  CommandClient client() {
    return client;
  }

  String customerId() {
    return customerId;
  }

  /** Registers the customer. */
  void register() {
    ok(
        client.send(
            "customers",
            customerId,
            "RegisterCustomer",
            "{\"name\":\"Sam\",\"email\":\"sam@example.org\"}"));
  }

  /** A new product at 4.50 EUR with units in stock; its id. */
  String product(int stock) {
    String product = "meal-" + UUID.randomUUID();
    ok(
        client.send(
            "products",
            product,
            "DefineProduct",
            "{\"name\":\"Soup\",\"category\":\"meals\",\"priceMinor\":450,\"currency\":\"EUR\"}"));
    receiveStock(product, stock);
    return product;
  }

  void receiveStock(String product, int units) {
    if (units == 0) {
      return;
    }
    ok(client.send("inventory", product, "ReceiveStock", "{\"quantity\":%d}".formatted(units)));
  }

  /** A new subscription of the customer to units of a product every period; its id. */
  String subscribe(String product, int units, String every) {
    String subscription = "sub-" + UUID.randomUUID().toString().substring(0, 8);
    ok(send(subscription, "Subscribe", payload(product, units, every)));
    return subscription;
  }

  String payload(String product, int units, String every) {
    return "{\"customerId\":\"%s\",\"lines\":[{\"productId\":\"%s\",\"quantity\":%d}],\"every\":\"%s\"}"
        .formatted(customerId, product, units, every);
  }

  CommandClient.Answer send(String subscription, String command, String payload) {
    return client.send("subscriptions", subscription, command, payload);
  }

  /** The subscription's view, once it passes the test. */
  JsonNode awaitView(String subscription, Predicate<JsonNode> test) {
    try {
      return await()
          .atMost(SETTLED)
          .until(
              () -> client.get("/api/v1/subscriptions/" + subscription),
              answer -> answer.status() == 200 && test.test(answer.json()))
          .json();
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "the process: " + client.get("/api/v1/processes/subscription-orders/" + subscription), e);
    }
  }

  /** The subscription's process, once ended as completed. */
  void awaitProcessCompleted(String subscription) {
    await()
        .atMost(SETTLED)
        .until(
            () -> client.get("/api/v1/processes/subscription-orders/" + subscription),
            answer ->
                answer.status() == 200 && answer.json().get("status").asText().equals("COMPLETED"));
  }

  /** Waits for an order to be confirmed. */
  static void awaitOrderConfirmed(CommandClient client, String orderId) {
    await()
        .atMost(SETTLED)
        .until(
            () -> client.get("/api/v1/orders/" + orderId),
            answer ->
                answer.status() == 200 && answer.json().get("status").asText().equals("CONFIRMED"));
  }

  /** An aggregate's events, oldest first. */
  List<JsonNode> events(String type, String id) {
    CommandClient.Answer answer = client.get("/api/v1/" + type + "/" + id + "/events?limit=1000");
    ok(answer);
    List<JsonNode> events = new ArrayList<>();
    answer.json().get("items").forEach(events::add);
    return events;
  }

  /** The types of an aggregate's events. */
  List<String> eventTypes(String type, String id) {
    return events(type, id).stream().map(event -> event.get("type").asText()).toList();
  }

  /** Whether a view's period of this number has an order in this status. */
  static boolean period(JsonNode view, int number, String orderStatus) {
    for (JsonNode period : view.get("periods")) {
      if (period.get("period").asInt() == number) {
        return orderStatus.equals(period.path("orderStatus").asText(null));
      }
    }
    return false;
  }

  /** The number of the view's latest period with this outcome, or 0. */
  static int latest(JsonNode view, String outcome) {
    for (JsonNode period : view.get("periods")) {
      if (period.get("outcome").asText().equals(outcome)) {
        return period.get("period").asInt();
      }
    }
    return 0;
  }

  static void ok(CommandClient.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }
}
