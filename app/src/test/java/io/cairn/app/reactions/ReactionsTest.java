package io.cairn.app.reactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.app.CairnApp;
import io.cairn.app.InProcessApp;
import io.cairn.app.write.CommandClient;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reactions on the real broker, in the app as it runs: a process's deadline fires once when it
 * passed while the app was stopped, what cannot be read or done lands in the dead-letter queue
 * while the views keep answering, and a retried entry is applied once.
 */
@WithRealKafka
class ReactionsTest {
  private static final Duration SHIP_WITHIN = Duration.ofSeconds(3);
  private static final String ONE_ORDER_LINE =
      "{\"customerId\":\"%s\",\"currency\":\"EUR\",\"lines\":[{\"productId\":\"p-1\","
          + "\"quantity\":1,\"unitPriceMinor\":%d}]}";

  @TempDir Path stateDir;

  @Test
  void aDeadlineThatPassedWhileTheAppWasStoppedFiresOnceAfterTheRestart(KafkaTestCluster kafka) {
    String order = id("order");
    List<String> settings = List.of("--orders.ship.within=" + SHIP_WITHIN);
    Instant confirmedBy;
    try (CairnApp app = InProcessApp.start(kafka, stateDir, settings)) {
      CommandClient client = new CommandClient(app.httpUri());
      ok(client.send("orders", order, "PlaceOrder", ONE_ORDER_LINE.formatted(id("c"), 500)));
      ok(client.send("orders", order, "ConfirmOrder", "{}"));
      confirmedBy = Instant.now();
      String process = "/api/v1/processes/shipping-deadline/" + order;
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> client.get(process), answer -> answer.status() == 200);
    }
    Instant passed = confirmedBy.plus(SHIP_WITHIN);
    await().atMost(SHIP_WITHIN.plusSeconds(5)).until(() -> Instant.now().isAfter(passed));

    try (CairnApp app = InProcessApp.start(kafka, stateDir, settings)) {
      CommandClient client = new CommandClient(app.httpUri());
      JsonNode process =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> client.get("/api/v1/processes/shipping-deadline/" + order),
                  answer ->
                      answer.status() == 200
                          && answer.json().get("status").asText().equals("COMPENSATED"))
              .json();
      assertThat(process.get("steps").findValuesAsText("heard"))
          .containsOnlyOnce("deadline:ship-by");
      assertThat(process.get("deadlines")).isEmpty();
      JsonNode events = awaitEvents(client, "/api/v1/orders/" + order + "/events", 3);
      assertThat(events.get("items").findValuesAsText("type"))
          .containsExactly("OrderPlaced", "OrderConfirmed", "OrderCancelled");
      assertThat(events.at("/items/2/payload/reason").asText()).isEqualTo("not_shipped_in_time");

      String running = id("order");
      ok(client.send("orders", running, "PlaceOrder", ONE_ORDER_LINE.formatted(id("c"), 500)));
      ok(client.send("orders", running, "ConfirmOrder", "{}"));
      JsonNode watched = awaitEvents(client, "/api/v1/orders/" + running + "/events", 3);
      Instant due = Instant.parse(watched.at("/items/1/occurredAt").asText()).plus(SHIP_WITHIN);
      Instant cancelled = Instant.parse(watched.at("/items/2/occurredAt").asText());
      assertThat(Duration.between(due, cancelled))
          .as("a deadline fires within a second of its time")
          .isBetween(Duration.ZERO, Duration.ofSeconds(1));
    }
  }

  @Test
  void garbageOnAnEventLogIsDeadLetteredWhileTheViewsKeepAnswering(KafkaTestCluster kafka)
      throws Exception {
    try (CairnApp app = InProcessApp.start(kafka, stateDir)) {
      CommandClient client = new CommandClient(app.httpUri());
      String garbageKey = id("garbage");
      try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
        producer
            .send(
                new ProducerRecord<>(
                    "cairn.orders.events",
                    garbageKey.getBytes(StandardCharsets.UTF_8),
                    "not an event".getBytes(StandardCharsets.UTF_8)))
            .get();
      }
      String order = id("order");
      ok(client.send("orders", order, "PlaceOrder", ONE_ORDER_LINE.formatted(id("c"), 500)));

      JsonNode entry = awaitEntry(client, garbageKey);
      assertThat(entry.get("topic").asText()).isEqualTo("cairn.orders.events");
      assertThat(entry.get("application").asText()).isEqualTo("cairn-views");
      assertThat(entry.get("reason").asText()).isEqualTo("unreadable");
      assertThat(entry.get("retryable").asBoolean()).isFalse();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> client.get("/api/v1/orders/" + order), answer -> answer.status() == 200);

      CommandClient.Answer refused =
          client.post("/api/v1/dlq/" + entry.get("id").asText() + "/retry");
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.error()).isEqualTo("not_retryable");
    }
  }

  @Test
  void aRefusedPolicyCommandIsDeadLetteredAndAppliedOnceWhenRetried(KafkaTestCluster kafka) {
    try (CairnApp app = InProcessApp.start(kafka, stateDir)) {
      CommandClient client = new CommandClient(app.httpUri());
      String customer = id("customer");
      String order = id("order");
      ok(client.send("orders", order, "PlaceOrder", ONE_ORDER_LINE.formatted(customer, 1_250)));
      ok(client.send("orders", order, "ConfirmOrder", "{}"));
      ok(client.send("orders", order, "ShipOrder", "{}"));

      JsonNode entry = awaitEntry(client, customer);
      assertThat(entry.get("reason").asText()).isEqualTo("rejected:customer_not_found");
      assertThat(entry.get("topic").asText()).isEqualTo("cairn.customers.commands");
      assertThat(entry.get("retryable").asBoolean()).isTrue();

      ok(
          client.send(
              "customers", customer, "RegisterCustomer", "{\"name\":\"Ada\",\"email\":\"a@b.c\"}"));
      String retry = "/api/v1/dlq/" + entry.get("id").asText() + "/retry";
      CommandClient.Answer retried = client.post(retry);
      assertThat(retried.status()).as(retried.body()).isEqualTo(202);
      assertThat(retried.json().at("/entry/retriedAt").isNull()).isFalse();
      CommandClient.Answer again = client.post(retry);
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.error()).isEqualTo("already_retried");

      JsonNode events = awaitEvents(client, "/api/v1/customers/" + customer + "/events", 2);
      assertThat(events.get("items").findValuesAsText("type"))
          .containsExactly("CustomerRegistered", "PointsAwarded");
      assertThat(events.at("/items/1/payload/points").asLong()).isEqualTo(12);
      assertThat(events.at("/items/1/payload/reason").asText()).isEqualTo("order:" + order);
    }
  }

  @Test
  void aCloudEventSentTwiceIsAppliedOnce(KafkaTestCluster kafka) throws Exception {
    try (CairnApp app = InProcessApp.start(kafka, stateDir)) {
      CommandClient client = new CommandClient(app.httpUri());
      String customer = id("customer");
      ok(
          client.send(
              "customers", customer, "RegisterCustomer", "{\"name\":\"Ada\",\"email\":\"a@b.c\"}"));
      String first = id("evt");
      try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
        sendCloudEvent(producer, "key-a", first, customer, 30);
        sendCloudEvent(producer, "key-b", first, customer, 30);
        // A later, different event: once it is applied, the duplicate before it was read too.
        sendCloudEvent(producer, "key-a", id("evt"), customer, 5);
      }
      JsonNode events = awaitEvents(client, "/api/v1/customers/" + customer + "/events", 3);
      assertThat(events.get("items").findValuesAsText("type"))
          .containsExactly("CustomerRegistered", "PointsAwarded", "PointsAwarded");
      assertThat(events.get("items").findValues("points").stream().map(JsonNode::asLong))
          .containsExactly(30L, 5L);
    }
  }

  private static void sendCloudEvent(
      KafkaProducer<byte[], byte[]> producer, String key, String id, String customer, long points)
      throws Exception {
    String event =
        "{\"specversion\":\"1.0\",\"id\":\"%s\",\"source\":\"/rewards\",\"type\":\"rewards.PointsAwarded\",\"data\":{\"customerId\":\"%s\",\"points\":%d,\"reason\":\"survey\"}}"
            .formatted(id, customer, points);
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            "cairn.inbox.rewards",
            key.getBytes(StandardCharsets.UTF_8),
            event.getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
    producer.send(record).get();
  }

  /** An aggregate's events, once it has at least the given number. */
  private static JsonNode awaitEvents(CommandClient client, String path, int atLeast) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> client.get(path),
            answer -> answer.status() == 200 && answer.json().get("items").size() >= atLeast)
        .json();
  }

  /** The newest entry of the queue whose record has this key, once it is there. */
  private static JsonNode awaitEntry(CommandClient client, String key) {
    List<JsonNode> found = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              CommandClient.Answer page = client.get("/api/v1/dlq?limit=1000");
              assertThat(page.status()).as(page.body()).isEqualTo(200);
              page.json()
                  .get("items")
                  .forEach(
                      item -> {
                        if (key.equals(item.path("key").asText())) {
                          found.add(item);
                        }
                      });
              return !found.isEmpty();
            });
    return found.getFirst();
  }

  private static KafkaProducer<byte[], byte[]> producer(KafkaTestCluster kafka) {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  private static void ok(CommandClient.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  private static String id(String kind) {
    return kind + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
