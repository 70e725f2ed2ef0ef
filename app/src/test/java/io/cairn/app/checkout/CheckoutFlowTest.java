package io.cairn.app.checkout;

import static io.cairn.app.checkout.Shop.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.app.CairnApp;
import io.cairn.app.InProcessApp;
import io.cairn.app.TopicReader;
import io.cairn.app.write.CommandClient;
import io.cairn.provider.SimulatedPaymentProvider;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout saga end to end, on the real broker, through HTTP only: one test per outcome, each
 * checking the order, the payment (in Cairn and at the provider), the stock and the process it ends
 * in, and that each aggregate's log holds the expected events once.
 */
@WithRealKafka
class CheckoutFlowTest {
  /**
   * Short, for the timeout's test, yet long enough that no authorisation of the 200 concurrent
   * checkouts times out behind the others on a slow machine.
   */
  private static final String PAYMENT_TIMEOUT = "PT15S";

  @TempDir static Path stateDir;
  private static SimulatedPaymentProvider provider;
  private static CairnApp app;
  private static Shop shop;
  private static KafkaTestCluster kafka;

  @BeforeAll
  static void start(KafkaTestCluster cluster) {
    kafka = cluster;
    provider = SimulatedPaymentProvider.start("127.0.0.1", 0, 1_000_000);
    app =
        InProcessApp.start(
            kafka,
            stateDir,
            List.of(
                "--payments.provider.url=" + provider.uri(),
                "--checkout.payment.timeout=" + PAYMENT_TIMEOUT));
    shop = new Shop(new CommandClient(app.httpUri()));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    provider.close();
  }

  @Test
  void aCheckoutIsConfirmedAndShippingCapturesThePaymentAndShipsTheStock() {
    String tea = shop.product(450, "EUR", 5);
    String mug = shop.product(1_200, "EUR", 2);
    String ada = Shop.id("ada");
    ok(
        shop.client()
            .send(
                "customers",
                ada,
                "RegisterCustomer",
                "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}"));
    String order = shop.checkOutFor(ada, null, new Shop.Line(tea, 2), new Shop.Line(mug, 1));

    JsonNode confirmed = shop.awaitOrder(order, "CONFIRMED", "AUTHORIZED");
    assertThat(confirmed.get("totalMinor").asLong()).isEqualTo(2 * 450 + 1_200);
    assertThat(confirmed.at("/lines/0/unitPriceMinor").asLong()).isEqualTo(450);
    shop.awaitProcess(order, "RUNNING", "CONFIRMED");
    shop.awaitStock(tea, 3, 2);

    ok(shop.client().send("orders", order, "ShipOrder", "{}"));
    shop.awaitProcess(order, "COMPLETED", "SHIPPING");
    shop.awaitOrder(order, "SHIPPED", "CAPTURED");
    JsonNode payment = shop.awaitPayment(order, "CAPTURED");
    assertThat(payment.get("amountMinor").asLong()).isEqualTo(2_100);
    assertThat(payment.get("currency").asText()).isEqualTo("EUR");
    shop.awaitStock(tea, 3, 0);
    shop.awaitStock(mug, 1, 0);
    assertThat(shop.awaitEvents("orders", order, 3))
        .containsExactly("OrderPlaced", "OrderConfirmed", "OrderShipped");
    assertThat(shop.awaitEvents("payments", order, 4))
        .containsExactly(
            "AuthorizationRequested", "PaymentAuthorized", "CaptureRequested", "PaymentCaptured");
    assertThat(shop.stockEventsOf(tea, order)).containsExactly("StockReserved", "StockShipped");
    JsonNode charged = account(order);
    assertThat(charged.get("authorizations").asInt()).isEqualTo(1);
    assertThat(charged.get("captures").asInt()).isEqualTo(1);
    assertThat(notificationsOf(ada, 2))
        .containsExactly(
            "notifications.OrderConfirmed ada@example.com " + order,
            "notifications.OrderShipped ada@example.com " + order);
  }

  /** The notifications published for a customer, once there are as many as expected. */
  private static List<String> notificationsOf(String customer, int count) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TopicReader.readAll(
                        kafka,
                        "cairn.integration.notifications",
                        (topic, bytes) -> new String(bytes, StandardCharsets.UTF_8))
                    .stream()
                    .filter(record -> customer.equals(record.key()))
                    .map(record -> notice(record.value().toString()))
                    .toList(),
            notices -> notices.size() >= count);
  }

  private static String notice(String cloudEvent) {
    try {
      JsonNode event = io.cairn.web.Json.newMapper().readTree(cloudEvent);
      return event.get("type").asText()
          + " "
          + event.at("/data/email").asText()
          + " "
          + event.at("/data/orderId").asText();
    } catch (java.io.IOException e) {
      throw new AssertionError(cloudEvent, e);
    }
  }

  @Test
  void aLineOutOfStockReleasesTheOthersAndCancelsTheOrder() {
    String tea = shop.product(450, "EUR", 5);
    String scarce = shop.product(300, "EUR", 1);
    String order = shop.checkOut(null, new Shop.Line(tea, 2), new Shop.Line(scarce, 2));

    shop.awaitUndone(order, "out_of_stock", "null");
    shop.awaitStock(tea, 5, 0);
    shop.awaitStock(scarce, 1, 0);
    assertThat(shop.awaitEvents("orders", order, 2))
        .containsExactly("OrderPlaced", "OrderCancelled");
    assertThat(shop.client().get("/api/v1/payments/" + order).status()).isEqualTo(404);
    assertThat(shop.stockEventsOf(tea, order)).containsExactly("StockReserved", "StockReleased");
    assertThat(shop.stockEventsOf(scarce, order)).isEmpty();
  }

  @Test
  void aDeclinedPaymentReleasesTheStockAndCancelsTheOrder() {
    String tea = shop.product(450, "EUR", 5);
    String order = shop.checkOut("tok_decline_card", new Shop.Line(tea, 2));

    shop.awaitUndone(order, "payment_declined", "DECLINED");
    assertThat(shop.awaitPayment(order, "DECLINED").get("reason").asText()).isEqualTo("declined");
    shop.awaitStock(tea, 5, 0);
    assertThat(shop.awaitEvents("payments", order, 2))
        .containsExactly("AuthorizationRequested", "PaymentDeclined");
    assertThat(shop.awaitEvents("orders", order, 2))
        .containsExactly("OrderPlaced", "OrderCancelled");
    assertThat(shop.stockEventsOf(tea, order)).containsExactly("StockReserved", "StockReleased");
  }

  @Test
  void aProviderThatNeverAnswersHasTheAttemptVoidedAndTheOrderCancelled() {
    String tea = shop.product(450, "EUR", 5);
    String order = shop.checkOut("tok_timeout", new Shop.Line(tea, 1));

    shop.awaitUndone(order, "payment_timeout", "VOIDED");
    shop.awaitStock(tea, 5, 0);
    assertThat(shop.awaitEvents("payments", order, 3))
        .containsExactly("AuthorizationRequested", "VoidRequested", "PaymentVoided");
    JsonNode atProvider = account(order);
    assertThat(atProvider.get("status").asText()).isEqualTo("VOIDED");
    assertThat(atProvider.get("authorizations").asInt()).isZero();
    int calls = atProvider.get("calls").asInt();
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> account(order).get("calls").asInt() == calls);
  }

  @Test
  void aFlakyProviderIsRetriedUntilItAuthorisesAndChargesOnce() {
    String tea = shop.product(450, "EUR", 5);
    String order = shop.checkOut("tok_flaky", new Shop.Line(tea, 1));

    shop.awaitOrder(order, "CONFIRMED", "AUTHORIZED");
    shop.awaitProcess(order, "RUNNING", "CONFIRMED");
    JsonNode atProvider = account(order);
    assertThat(atProvider.get("authorizations").asInt()).isEqualTo(1);
    assertThat(atProvider.get("calls").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(shop.awaitEvents("payments", order, 2))
        .containsExactly("AuthorizationRequested", "PaymentAuthorized");
    shop.awaitStock(tea, 4, 1);
  }

  @Test
  void anOrderTheCustomerCancelsBeforeShippingHasItsPaymentVoidedAndStockReleased() {
    String tea = shop.product(450, "EUR", 5);
    String order = shop.checkOut(null, new Shop.Line(tea, 3));
    shop.awaitProcess(order, "RUNNING", "CONFIRMED");

    ok(shop.client().send("orders", order, "CancelOrder", "{\"reason\":\"customer_cancelled\"}"));
    shop.awaitUndone(order, "customer_cancelled", "VOIDED");
    shop.awaitStock(tea, 5, 0);
    assertThat(shop.awaitEvents("payments", order, 4))
        .containsExactly(
            "AuthorizationRequested", "PaymentAuthorized", "VoidRequested", "PaymentVoided");
    assertThat(shop.awaitEvents("orders", order, 3))
        .containsExactly("OrderPlaced", "OrderConfirmed", "OrderCancelled");
    assertThat(account(order).get("voids").asInt()).isEqualTo(1);
  }

  @Test
  void aProductOffSaleOrLinesInTwoCurrenciesRefuseTheOrder() {
    String tea = shop.product(450, "EUR", 5);
    String gone = shop.product(100, "EUR", 5);
    ok(shop.client().send("products", gone, "DiscontinueProduct", "{}"));
    String pound = shop.product(100, "GBP", 5);

    String unavailable = shop.checkOut(null, new Shop.Line(tea, 1), new Shop.Line(gone, 1));
    String mixed = shop.checkOut(null, new Shop.Line(tea, 1), new Shop.Line(pound, 1));

    shop.awaitProcess(unavailable, "COMPENSATED", "REFUSING");
    assertThat(shop.awaitOrder(unavailable, "CANCELLED", "null").get("cancelReason").asText())
        .isEqualTo("product_unavailable");
    shop.awaitProcess(mixed, "COMPENSATED", "REFUSING");
    assertThat(shop.awaitOrder(mixed, "CANCELLED", "null").get("cancelReason").asText())
        .isEqualTo("mixed_currencies");
    assertThat(shop.awaitEvents("orders", mixed, 1)).containsExactly("OrderRefused");
    shop.awaitStock(tea, 5, 0);
  }

  @Test
  void twoHundredCheckoutsForAHundredUnitsSellExactlyAHundred() {
    String scarce = shop.product(100, "EUR", 100);
    List<String> carts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String cart = Shop.id("cart");
      ok(
          shop.client()
              .send("carts", cart, "AddItem", "{\"productId\":\"" + scarce + "\",\"quantity\":1}"));
      carts.add(cart);
    }
    String checkOut = "{\"type\":\"CheckOut\",\"payload\":{\"customerId\":\"c-1\"}}";
    List<CompletableFuture<CommandClient.Answer>> checkouts =
        carts.stream()
            .map(
                cart ->
                    shop.client()
                        .sendAsync("carts", cart, checkOut, Map.of("Idempotency-Key", cart))
                        // A connection the server closed under the burst: sent again with its
                        // key, as a client does when it does not know the outcome.
                        .exceptionallyCompose(
                            lost ->
                                shop.client()
                                    .sendAsync(
                                        "carts", cart, checkOut, Map.of("Idempotency-Key", cart))))
            .toList();
    checkouts.forEach(answer -> ok(answer.join()));

    Map<String, List<String>> byOutcome = new TreeMap<>();
    for (String order : carts) {
      JsonNode process =
          await()
              .atMost(Duration.ofSeconds(120))
              .until(
                  () -> shop.client().get("/api/v1/processes/checkout/" + order),
                  answer ->
                      answer.status() == 200
                          && List.of("CONFIRMED", "CANCELLING")
                              .contains(answer.json().at("/state/phase").asText())
                          && (answer.json().at("/state/phase").asText().equals("CONFIRMED")
                              || answer.json().get("status").asText().equals("COMPENSATED")))
              .json();
      String outcome =
          process.at("/state/phase").asText() + ":" + process.at("/state/cancelReason").asText();
      byOutcome.computeIfAbsent(outcome, k -> new ArrayList<>()).add(order);
    }
    assertThat(byOutcome.keySet()).containsExactly("CANCELLING:out_of_stock", "CONFIRMED:null");
    assertThat(byOutcome.get("CONFIRMED:null")).hasSize(100);
    shop.awaitStock(scarce, 0, 100);

    byOutcome
        .get("CONFIRMED:null")
        .forEach(order -> ok(shop.client().send("orders", order, "ShipOrder", "{}")));
    shop.awaitStock(scarce, 0, 0);
    JsonNode stock = shop.client().get("/api/v1/products/" + scarce).json().get("stock");
    assertThat(stock.get("onHand").asInt()).as("every unit sold, none twice").isZero();
  }

  private static JsonNode account(String paymentId) {
    return Shop.account(provider, paymentId);
  }
}
