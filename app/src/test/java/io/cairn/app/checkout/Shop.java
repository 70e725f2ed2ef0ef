package io.cairn.app.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.app.write.CommandClient;
import io.cairn.provider.SimulatedPaymentProvider;
import io.cairn.web.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The commerce domain as a client uses it over HTTP, for the checkout tests: products with stock,
 * carts checked out, and the order, payment, stock and process a checkout ends in.
 */
final class Shop {
  private static final Duration SETTLED = Duration.ofSeconds(60);

  private final CommandClient client;

  Shop(CommandClient client) {
    this.client = client;
  }

  static String id(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  CommandClient client() {
    return client;
  }

  /** A new product with its price and units in stock. */
  String product(long priceMinor, String currency, int stock) {
    String product = id("p");
    ok(
        client.send(
            "products",
            product,
            "DefineProduct",
            "{\"name\":\"Tea\",\"category\":\"drinks\",\"priceMinor\":%d,\"currency\":\"%s\"}"
                .formatted(priceMinor, currency)));
    if (stock > 0) {
      ok(client.send("inventory", product, "ReceiveStock", "{\"quantity\":%d}".formatted(stock)));
    }
    return product;
  }

  /** A line of a cart. */
  record Line(String productId, int quantity) {}

  /** A cart with these lines, checked out with the token (none: the default); its id. */
  String checkOut(String token, Line... lines) {
    return checkOutFor("c-1", token, lines);
  }

  /** A cart of a customer with these lines, checked out with the token; its id. */
  String checkOutFor(String customer, String token, Line... lines) {
    String cart = id("cart");
    for (Line line : lines) {
      ok(
          client.send(
              "carts",
              cart,
              "AddItem",
              "{\"productId\":\"%s\",\"quantity\":%d}"
                  .formatted(line.productId(), line.quantity())));
    }
    String payment = token == null ? "" : ",\"paymentToken\":\"" + token + "\"";
    ok(
        client.send(
            "carts", cart, "CheckOut", "{\"customerId\":\"" + customer + "\"" + payment + "}"));
    return cart;
  }

  /** The checkout of an order once it reached the given status. */
  JsonNode awaitProcess(String orderId, String status, String phase) {
    return await()
        .atMost(SETTLED)
        .until(
            () -> client.get("/api/v1/processes/checkout/" + orderId),
            answer ->
                answer.status() == 200
                    && answer.json().get("status").asText().equals(status)
                    && answer.json().at("/state/phase").asText().equals(phase))
        .json();
  }

  /**
   * An order the checkout undid: the process compensated, the order cancelled for the reason, its
   * payment in the given status ({@code "null"} for none).
   */
  void awaitUndone(String orderId, String reason, String paymentStatus) {
    awaitProcess(orderId, "COMPENSATED", "CANCELLING");
    assertThat(awaitOrder(orderId, "CANCELLED", paymentStatus).get("cancelReason").asText())
        .isEqualTo(reason);
  }

  /** What the payment provider went through for a payment. */
  static JsonNode account(SimulatedPaymentProvider provider, String paymentId) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(provider.uri() + "/v1/payments/" + paymentId))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return Json.newMapper().readTree(response.body());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("the provider did not answer", e);
    }
  }

  /** The order view once its status and payment's status are the given ones. */
  JsonNode awaitOrder(String orderId, String status, String paymentStatus) {
    return await()
        .atMost(SETTLED)
        .until(
            () -> client.get("/api/v1/orders/" + orderId),
            answer ->
                answer.status() == 200
                    && answer.json().get("status").asText().equals(status)
                    && answer.json().path("paymentStatus").asText("null").equals(paymentStatus))
        .json();
  }

  /** The payment view once in the given status. */
  JsonNode awaitPayment(String orderId, String status) {
    return await()
        .atMost(SETTLED)
        .until(
            () -> client.get("/api/v1/payments/" + orderId),
            answer -> answer.status() == 200 && answer.json().get("status").asText().equals(status))
        .json();
  }

  /** The product view's stock once it shows these units available and reserved. */
  void awaitStock(String productId, int available, int reserved) {
    await()
        .atMost(SETTLED)
        .until(
            () -> client.get("/api/v1/products/" + productId),
            answer ->
                answer.status() == 200
                    && answer.json().at("/stock/available").asInt() == available
                    && answer.json().at("/stock/reserved").asInt() == reserved);
  }

  /** The types of an aggregate's events, once it has as many as expected. */
  List<String> awaitEvents(String type, String id, int count) {
    JsonNode page =
        await()
            .atMost(SETTLED)
            .until(
                () -> client.get("/api/v1/" + type + "/" + id + "/events?limit=100"),
                answer -> answer.status() == 200 && answer.json().get("items").size() >= count)
            .json();
    List<String> types = new ArrayList<>();
    page.get("items").forEach(item -> types.add(item.get("type").asText()));
    return types;
  }

  /** The events of a product's stock that concern one order. */
  List<String> stockEventsOf(String productId, String orderId) {
    JsonNode page = client.get("/api/v1/inventory/" + productId + "/events?limit=1000").json();
    List<String> types = new ArrayList<>();
    page.get("items")
        .forEach(
            item -> {
              if (orderId.equals(item.at("/payload/orderId").asText(null))) {
                types.add(item.get("type").asText());
              }
            });
    return types;
  }

  static void ok(CommandClient.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }
}
