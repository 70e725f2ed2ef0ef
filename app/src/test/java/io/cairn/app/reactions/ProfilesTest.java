package io.cairn.app.reactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.app.CairnApp;
import io.cairn.app.InProcessApp;
import io.cairn.app.InboxEvents;
import io.cairn.app.write.CommandClient;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles fed by other services' events and by each other, on the real broker: connections from
 * the Connections service's inbox, rewards for a profile that does not exist yet, and donations.
 */
@WithRealKafka
class ProfilesTest {
  @TempDir static Path stateDir;
  private static KafkaTestCluster kafka;
  private static CairnApp app;
  private static CommandClient client;

  @BeforeAll
  static void start(KafkaTestCluster cluster) {
    kafka = cluster;
    app = InProcessApp.start(kafka, stateDir);
    client = new CommandClient(app.httpUri());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aConnectionLoggedTwiceShowsOnceOnBothProfiles() {
    String officer = register("officer");
    String citizen = register("citizen");
    String logged = id("conn");
    // The same event twice, under two keys, with the command a user would type.
    connection(logged, officer, officer, citizen, "2026-12-02T09:00:00Z");
    connection(logged, citizen, officer, citizen, "2026-12-02T09:00:00Z");
    // A later connection: once it shows, the duplicate before it was read too.
    connection(id("conn"), officer, officer, register("other"), "2026-12-02T10:00:00Z");

    JsonNode officerView = awaitCustomer(officer, v -> v.at("/connections/count").asInt() == 2);
    assertThat(officerView.at("/connections/latest/1/withId").asText()).isEqualTo(citizen);
    assertThat(officerView.at("/connections/latest/1/role").asText()).isEqualTo("citizen");
    JsonNode citizenView = awaitCustomer(citizen, v -> v.at("/connections/count").asInt() == 1);
    assertThat(citizenView.at("/connections/latest/0/withId").asText()).isEqualTo(officer);
    assertThat(citizenView.at("/connections/latest/0/role").asText()).isEqualTo("officer");
    assertThat(eventTypes(citizen)).containsExactly("CustomerRegistered", "ConnectionRecorded");
  }

  @Test
  void rewardsForAProfileNotYetRegisteredWaitInTheDeadLetterQueueUntilRetried() {
    String customer = id("late");
    inbox(
        "rewards",
        "rewards.PointsAwarded",
        "{\"customerId\":\"%s\",\"points\":25,\"reason\":\"survey\"}".formatted(customer),
        id("reward"),
        customer);
    JsonNode entry = client.awaitDeadLetter(customer);
    assertThat(entry.get("reason").asText()).isEqualTo("rejected:customer_not_found");

    ok(
        client.send(
            "customers", customer, "RegisterCustomer", "{\"name\":\"Lea\",\"email\":\"l@e.a\"}"));
    assertThat(client.post("/api/v1/dlq/" + entry.get("id").asText() + "/retry").status())
        .isEqualTo(202);
    awaitCustomer(customer, v -> v.get("points").asLong() == 25);
    assertThat(eventTypes(customer)).containsExactly("CustomerRegistered", "PointsAwarded");
  }

  @Test
  void aDonationMovesPointsAndOneToNobodyComesBack() {
    String ann = register("ann");
    String bob = register("bob");
    ok(client.send("customers", ann, "AwardPoints", "{\"points\":100,\"reason\":\"welcome\"}"));

    CommandClient.Answer given = client.send("customers", ann, "DonatePoints", donation(bob, 30));
    ok(given);
    String donation = ann + "-" + given.json().at("/events/0/version").asLong();
    awaitProcess(donation, "COMPLETED");
    awaitCustomer(
        bob, v -> v.get("points").asLong() == 30 && v.get("pointsReceived").asLong() == 30);
    awaitCustomer(
        ann, v -> v.get("points").asLong() == 70 && v.get("pointsDonated").asLong() == 30);

    CommandClient.Answer lost =
        client.send("customers", ann, "DonatePoints", donation(id("nobody"), 20));
    ok(lost);
    awaitProcess(ann + "-" + lost.json().at("/events/0/version").asLong(), "COMPENSATED");
    awaitCustomer(
        ann, v -> v.get("points").asLong() == 70 && v.get("pointsDonated").asLong() == 30);
    assertThat(client.send("customers", ann, "DonatePoints", donation(bob, 71)).error())
        .isEqualTo("insufficient_points");
  }

  private static void connection(
      String eventId, String key, String officer, String citizen, String at) {
    inbox(
        "connections",
        "connections.ConnectionLogged",
        "{\"officerId\":\"%s\",\"citizenId\":\"%s\",\"occurredAt\":\"%s\"}"
            .formatted(officer, citizen, at),
        eventId,
        key);
  }

  /** Sends another service's event with the command a user would type. */
  private static void inbox(String source, String type, String data, String eventId, String key) {
    InboxEvents.send(kafka.bootstrapServers(), source, type, data, eventId, key);
  }

  private static String donation(String to, long points) {
    return "{\"toCustomerId\":\"%s\",\"points\":%d}".formatted(to, points);
  }

  private static String register(String name) {
    String customer = id(name);
    ok(
        client.send(
            "customers",
            customer,
            "RegisterCustomer",
            "{\"name\":\"%s\",\"email\":\"%s@example.org\"}".formatted(name, name)));
    return customer;
  }

  private static JsonNode awaitCustomer(String customer, Predicate<JsonNode> shows) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> client.get("/api/v1/customers/" + customer),
            answer -> answer.status() == 200 && shows.test(answer.json()))
        .json();
  }

  private static void awaitProcess(String donation, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> client.get("/api/v1/processes/donation/" + donation),
            answer ->
                answer.status() == 200 && answer.json().get("status").asText().equals(status));
  }

  private static List<String> eventTypes(String customer) {
    return client
        .get("/api/v1/customers/" + customer + "/events")
        .json()
        .get("items")
        .findValuesAsText("type");
  }

  private static String id(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void ok(CommandClient.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }
}
