package io.cairn.app.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.app.CairnApp;
import io.cairn.app.InProcessApp;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command endpoint over real HTTP, on a running app and the real broker. */
@WithRealKafka
class CommandApiTest {
  @TempDir static Path stateDir;
  private static KafkaTestCluster kafka;
  private static CairnApp app;
  private static CommandClient client;

  @BeforeAll
  static void start(KafkaTestCluster cluster) {
    kafka = cluster;
    app = startApp();
    client = new CommandClient(app.httpUri());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static CairnApp startApp() {
    return InProcessApp.start(kafka, stateDir);
  }

  @Test
  void shouldAnswerWithTheEventsTheCommandCaused() {
    String cart = id("cart");

    var answer = client.send("carts", cart, "AddItem", "{\"productId\":\"p-1\",\"quantity\":2}");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.etag()).isEqualTo("\"1\"");
    var body = answer.json();
    assertThat(body.get("type").asText()).isEqualTo("carts");
    assertThat(body.get("id").asText()).isEqualTo(cart);
    assertThat(body.get("version").asLong()).isEqualTo(1);
    assertThat(body.get("commandId").asText()).isNotBlank();
    assertThat(body.get("consistencyToken").asText()).isNotBlank();
    var event = body.get("events").get(0);
    assertThat(event.get("type").asText()).isEqualTo("ItemAdded");
    assertThat(event.get("version").asLong()).isEqualTo(1);
    assertThat(event.get("occurredAt").asText()).endsWith("Z");
    assertThat(event.get("payload").toString()).isEqualTo("{\"productId\":\"p-1\",\"quantity\":2}");
  }

  @Test
  void shouldKeepTheFlowTheCauseAndTheActorOfACommandWithItsEvents() {
    String cart = id("cart");
    Map<String, String> headers = Map.of("Correlation-Id", "flow-" + cart, "Actor", "ada@example");

    var answer =
        client.send(
            "carts",
            cart,
            "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"p-1\",\"quantity\":2}}",
            headers);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    String commandId = answer.json().get("commandId").asText();
    var event =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> client.get("/api/v1/carts/" + cart + "/events"),
                events -> events.status() == 200 && events.json().get("items").size() == 1)
            .json()
            .get("items")
            .get(0);
    assertThat(event.get("correlationId").asText()).isEqualTo("flow-" + cart);
    assertThat(event.get("causationId").asText()).isEqualTo(commandId);
    assertThat(event.get("actor").asText()).isEqualTo("ada@example");
  }

  @Test
  void shouldAnswerNoChangeWithAnEmptyEventList() {
    String product = id("product");
    client.send(
        "products",
        product,
        "DefineProduct",
        "{\"name\":\"Tea\",\"category\":\"drinks\",\"priceMinor\":450,\"currency\":\"EUR\"}");

    var answer = client.send("products", product, "ChangePrice", "{\"priceMinor\":450}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("events").size()).isZero();
    assertThat(answer.json().get("version").asLong()).isEqualTo(1);
  }

  @Test
  void shouldRefuseBadInputPreciselyAndWriteNothing() {
    long before = endOffsets();
    String cart = id("cart");
    String big =
        "{\"type\":\"AddItem\",\"payload\":{\"productId\":\""
            + "x".repeat(70_000)
            + "\",\"quantity\":1}}";
    List<Case> table =
        List.of(
            new Case(
                "boats",
                cart,
                "{\"type\":\"Sail\",\"payload\":{}}",
                Map.of(),
                404,
                "unknown_aggregate_type"),
            new Case(
                "carts",
                cart,
                "{\"type\":\"Fly\",\"payload\":{}}",
                Map.of(),
                404,
                "unknown_command"),
            new Case("carts", cart, "{\"type\":\"AddItem\",", Map.of(), 400, "malformed_json"),
            new Case(
                "carts",
                cart,
                "{\"type\":\"AddItem\",\"payload\":{\"quantity\":1}}",
                Map.of(),
                400,
                "validation_failed"),
            new Case(
                "carts",
                cart,
                "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"p\",\"quantity\":\"one\"}}",
                Map.of(),
                400,
                "validation_failed"),
            new Case(
                "carts",
                cart,
                "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"p\",\"quantity\":0}}",
                Map.of(),
                400,
                "validation_failed"),
            new Case(
                "carts",
                cart,
                "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"p\",\"quantity\":1,\"size\":\"L\"}}",
                Map.of(),
                400,
                "validation_failed"),
            new Case(
                "customers",
                cart,
                "{\"type\":\"RegisterCustomer\",\"payload\":{\"name\":\"Ada\",\"email\":\"ada-at-example\"}}",
                Map.of(),
                400,
                "validation_failed"),
            new Case(
                "carts",
                "x".repeat(65),
                "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"p\",\"quantity\":1}}",
                Map.of(),
                400,
                "validation_failed"),
            new Case(
                "carts",
                cart,
                "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"p\",\"quantity\":1}}",
                Map.of("If-Match", "three"),
                400,
                "validation_failed"),
            new Case(
                "carts",
                cart,
                "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"p\",\"quantity\":1}}",
                Map.of("Actor", "a".repeat(256)),
                400,
                "validation_failed"),
            new Case(
                "carts",
                cart,
                "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"p\",\"quantity\":1}}",
                Map.of("Content-Type", "text/plain"),
                415,
                "unsupported_media_type"),
            new Case("carts", cart, big, Map.of(), 413, "payload_too_large"));

    for (Case bad : table) {
      var answer = client.send(bad.type(), bad.id(), bad.body(), bad.headers());
      assertThat(answer.status()).as(bad + " answered " + answer.body()).isEqualTo(bad.status());
      assertThat(answer.error()).as(bad.toString()).isEqualTo(bad.code());
      assertThat(answer.json().has("message")).isTrue();
    }
    assertThat(endOffsets()).as("records written by refused requests").isEqualTo(before);
  }

  @Test
  void shouldReportEveryBadFieldOnce() {
    var answer =
        client.send(
            "carts",
            id("cart"),
            "{\"type\":\"AddItem\",\"payload\":{\"quantity\":-1,\"colour\":\"red\"}}",
            Map.of());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("details").get("fields").toString())
        .contains("\"field\":\"payload.productId\",\"problem\":\"missing\"")
        .contains("\"field\":\"payload.quantity\",\"problem\":\"out_of_range\"")
        .contains("\"field\":\"payload.colour\",\"problem\":\"unknown_field\"");
  }

  @Test
  void shouldAnswerDomainRuleWith422AndAppendNothing() {
    String order = id("order");

    var answer = client.send("orders", order, "ShipOrder", "{}");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.error()).isEqualTo("order_not_found");
  }

  @Test
  void shouldLetExactlyOneOfFiftyConcurrentCommandsWithTheSameIfMatchSucceed() {
    String cart = id("cart");
    assertThat(
            client
                .send("carts", cart, "AddItem", "{\"productId\":\"p-0\",\"quantity\":1}")
                .status())
        .isEqualTo(200);

    List<CompletableFuture<CommandClient.Answer>> answers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      answers.add(
          client.sendAsync(
              "carts",
              cart,
              "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"p-" + i + "\",\"quantity\":1}}",
              Map.of("If-Match", "\"1\"")));
    }
    List<Integer> statuses =
        answers.stream().map(CompletableFuture::join).map(CommandClient.Answer::status).toList();

    assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
    assertThat(statuses).filteredOn(status -> status == 409).hasSize(49);
    var conflict =
        answers.stream()
            .map(CompletableFuture::join)
            .filter(a -> a.status() == 409)
            .findFirst()
            .orElseThrow();
    assertThat(conflict.error()).isEqualTo("version_conflict");
    assertThat(conflict.json().get("details").get("expected").asLong()).isEqualTo(1);
    assertThat(conflict.json().get("details").get("actual").asLong()).isEqualTo(2);
  }

  @Test
  void shouldReturnTheFirstAnswerToARetryAndAppendNothingAlsoAfterRestart() {
    String cart = id("cart");
    String body = "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"p-1\",\"quantity\":3}}";
    Map<String, String> key = Map.of("Idempotency-Key", "retry-" + cart);

    var first = client.send("carts", cart, body, key);
    var retry = client.send("carts", cart, body, key);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.replayed()).isFalse();
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.replayed()).isTrue();
    assertThat(retry.body()).isEqualTo(first.body());

    var reused = client.send("carts", cart, body.replace("3", "4"), key);
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.error()).isEqualTo("idempotency_key_reused");

    app.close();
    app = startApp();
    client = new CommandClient(app.httpUri());

    var afterRestart = client.send("carts", cart, body, key);
    assertThat(afterRestart.body()).isEqualTo(first.body());
    assertThat(afterRestart.replayed()).isTrue();
    var next = client.send("carts", cart, "AddItem", "{\"productId\":\"p-2\",\"quantity\":1}");
    assertThat(next.json().get("version").asLong())
        .as("nothing was appended by the retries")
        .isEqualTo(2);
  }

  private static String id(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The sum of the end offsets of every Cairn topic: it moves when anything is written. */
  private static long endOffsets() {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      var topics =
          admin.listTopics().names().get().stream().filter(t -> t.startsWith("cairn.")).toList();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(topics)
          .allTopicNames()
          .get()
          .forEach(
              (topic, description) ->
                  description
                      .partitions()
                      .forEach(
                          p ->
                              latest.put(
                                  new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
      return admin.listOffsets(latest).all().get().values().stream()
          .mapToLong(o -> o.offset())
          .sum();
    } catch (Exception e) {
      throw new AssertionError("cannot read end offsets", e);
    }
  }

  /** One row of the bad-input table. */
  private record Case(
      String type, String id, String body, Map<String, String> headers, int status, String code) {
    @Override
    public String toString() {
      return code
          + " for "
          + (body.length() > 80 ? body.substring(0, 80) + "..." : body)
          + " "
          + headers;
    }
  }
}
