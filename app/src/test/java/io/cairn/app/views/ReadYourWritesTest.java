package io.cairn.app.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.app.RunningApp;
import io.cairn.testkit.WithRealKafka;
import io.cairn.web.auth.ClusterSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Read-your-writes on the real broker: a query carrying a command's consistency token sees that
 * command's effect, on views keyed by the aggregate and on views filed under another key.
 */
@WithRealKafka
class ReadYourWritesTest {
  private static final int WORKERS = 8;
  private static final int PAIRS = 1_000;

  // The tests seal tokens of their own with it, to ask for a version no command has made yet.
  private static final String CLUSTER_SECRET = "read-your-writes' cluster secret, 32+ bytes";
  private static final ClusterSecret TOKENS =
      ClusterSecret.of(CLUSTER_SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());

  @RegisterExtension
  static final RunningApp app = new RunningApp(List.of("--cluster.secret=" + CLUSTER_SECRET));

  @Test
  void shouldNeverAnswerStaleWithTheCommandsToken() {
    List<String> stale = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(WORKERS)) {
      List<CompletableFuture<List<String>>> workers = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        workers.add(CompletableFuture.supplyAsync(() -> new Worker().run(PAIRS / WORKERS), pool));
      }
      workers.forEach(worker -> stale.addAll(worker.join()));
    }

    assertThat(stale).isEmpty();
  }

  @Test
  void shouldAnswerGatewayTimeoutWhenTheViewDoesNotCatchUpInTime() {
    String customer = id("customer");
    command("customers", customer, "RegisterCustomer", "{\"name\":\"Ada\",\"email\":\"a@b.org\"}");
    String ahead = token("customers", 0, customer, 99);

    var answer =
        app.client().get("/api/v1/customers/" + customer + "?waitMs=200&consistencyToken=" + ahead);

    assertThat(answer.status()).isEqualTo(504);
    assertThat(answer.error()).isEqualTo("view_not_caught_up");
  }

  @Test
  void shouldAnswerAtOnceForAnotherAggregatesToken() {
    String other = token("customers", 0, id("someone-else"), 99);

    var answer =
        app.client().get("/api/v1/customers/" + id("nobody") + "?consistencyToken=" + other);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.error()).isEqualTo("not_found");
  }

  @Test
  void shouldRefuseAForgedTokenAtOnceRatherThanWaitOnIt() {
    String customer = id("customer");
    command("customers", customer, "RegisterCustomer", "{\"name\":\"Ada\",\"email\":\"a@b.org\"}");
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("v1|customers|0|" + customer + "|99|" + "0".repeat(32))
                    .getBytes(StandardCharsets.UTF_8));

    var answer =
        app.client()
            .get("/api/v1/customers/" + customer + "?waitMs=30000&consistencyToken=" + forged);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().at("/details/fields/0/field").asText()).isEqualTo("consistencyToken");
  }

  @Test
  void shouldRejectTokenCairnDidNotGiveOut() {
    var answer = app.client().get("/api/v1/products/p-1?consistencyToken=bogus&waitMs=40000");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().at("/details/fields").findValuesAsText("field"))
        .containsExactlyInAnyOrder("consistencyToken", "waitMs");
  }

  /** One client's run of command-then-query pairs, each checking the query saw its command. */
  private static final class Worker {
    private final String customer = id("customer");
    private final String product = id("product");
    private final String cart = id("cart");
    private final List<String> stale = new ArrayList<>();
    private int points;
    private int inCart;

    List<String> run(int pairs) {
      command(
          "customers", customer, "RegisterCustomer", "{\"name\":\"Ada\",\"email\":\"a@b.org\"}");
      command(
          "products",
          product,
          "DefineProduct",
          "{\"name\":\"Tea\",\"category\":\"drinks\",\"priceMinor\":1,\"currency\":\"EUR\"}");
      for (int i = 0; i < pairs; i++) {
        switch (i % 4) {
          case 0 -> awardPoint();
          case 1 -> changePrice(100 + i);
          case 2 -> addToCart();
          default -> placeOrder();
        }
      }
      return stale;
    }

    private void awardPoint() {
      String token =
          command("customers", customer, "AwardPoints", "{\"points\":1,\"reason\":\"r\"}");
      int expected = ++points;
      check("/api/v1/customers/" + customer, token, json -> json.get("points").asInt() == expected);
    }

    private void changePrice(long price) {
      String token = command("products", product, "ChangePrice", "{\"priceMinor\":" + price + "}");
      check("/api/v1/products/" + product, token, json -> json.get("priceMinor").asLong() == price);
    }

    private void addToCart() {
      String token =
          command("carts", cart, "AddItem", "{\"productId\":\"" + product + "\",\"quantity\":1}");
      int expected = ++inCart;
      check(
          "/api/v1/carts/" + cart, token, json -> json.at("/lines/0/quantity").asInt() == expected);
    }

    private void placeOrder() {
      String order = id("order");
      String token =
          command(
              "orders",
              order,
              "PlaceOrder",
              "{\"customerId\":\"%s\",\"currency\":\"EUR\",\"lines\":[{\"productId\":\"%s\",\"quantity\":1,\"unitPriceMinor\":5}]}"
                  .formatted(customer, product));
      check(
          "/api/v1/customers/" + customer + "/orders?limit=1",
          token,
          json -> json.at("/items/0/orderId").asText().equals(order));
    }

    private void check(String path, String token, Predicate<JsonNode> fresh) {
      String separator = path.contains("?") ? "&" : "?";
      var answer = app.client().get(path + separator + "consistencyToken=" + token);
      if (answer.status() != 200 || !fresh.test(answer.json())) {
        stale.add(path + " -> " + answer.status() + " " + answer.body());
      }
    }
  }

  private static String command(String type, String id, String command, String payload) {
    var answer = app.client().send(type, id, command, payload);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().get("consistencyToken").asText();
  }

  private static String token(String type, int partition, String id, long version) {
    String text = "v1|" + type + "|" + partition + "|" + id + "|" + version;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(TOKENS.seal(text).getBytes(StandardCharsets.UTF_8));
  }

  private static String id(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
