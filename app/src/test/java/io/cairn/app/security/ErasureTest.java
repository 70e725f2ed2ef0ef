package io.cairn.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.app.RunningApp;
import io.cairn.app.TopicReader;
import io.cairn.app.write.CommandClient;
import io.cairn.avro.serde.KafkaAvroDeserializer;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * EraseCustomer makes a customer's name and email unreadable everywhere without rewriting the log:
 * the views, the states and the histories show them erased, so do views rebuilt from the whole log,
 * and a client decoding the events topic with the registry's schemas finds only ciphertext; the
 * points, the orders and the ids stay.
 */
@WithRealKafka
class ErasureTest {
  @RegisterExtension static final RunningApp app = new RunningApp();

  @Test
  void anErasedCustomersNameAndEmailAreUnreadableEverywhereAndTheRestStays(KafkaTestCluster kafka) {
    CommandClient client = app.client();
    String customer = "erased-" + UUID.randomUUID().toString().substring(0, 8);
    String email = customer + "@example.com";
    send(
        client,
        customer,
        "RegisterCustomer",
        "{\"name\":\"Eve Gone\",\"email\":\"" + email + "\"}");
    send(client, customer, "AwardPoints", "{\"points\":120,\"reason\":\"welcome\"}");
    JsonNode before = shownOnce(client, customer, view -> view.path("points").asLong() == 120);
    assertThat(before.path("email").asText()).isEqualTo(email);

    CommandClient.Answer erased = send(client, customer, "EraseCustomer", "{}");

    assertThat(erased.body()).contains("CustomerErased");
    JsonNode after =
        shownOnce(client, customer, view -> view.path("email").asText().equals("[erased]"));
    assertThat(after.path("name").asText()).isEqualTo("[erased]");
    assertThat(after.path("points").asLong()).isEqualTo(120);
    assertThat(client.get("/api/v1/customers/" + customer + "/state").body())
        .doesNotContain(email, "Eve Gone")
        .contains("[erased]", "120");
    assertThat(client.get("/api/v1/customers/" + customer + "/events").body())
        .doesNotContain(email, "Eve Gone")
        .contains("CustomerRegistered", "PointsAwarded", "CustomerErased");
    assertThat(decodedEvents(kafka, customer))
        .extracting(event -> event.get("payload").toString())
        .isNotEmpty()
        .noneMatch(payload -> payload.contains(email) || payload.contains("Eve Gone"));

    assertThat(client.post("/api/v1/views/rebuild").status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> client.get("/api/v1/views/rebuild").json().path("state").asText().equals("done"));
    JsonNode rebuilt = shownOnce(client, customer, view -> view.path("points").asLong() == 120);
    assertThat(rebuilt.path("email").asText()).isEqualTo("[erased]");
    assertThat(rebuilt.path("name").asText()).isEqualTo("[erased]");
  }

  private static CommandClient.Answer send(
      CommandClient client, String customer, String command, String payload) {
    CommandClient.Answer answer = client.send("customers", customer, command, payload);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  /** The customer's view, once it shows what is expected. */
  private static JsonNode shownOnce(
      CommandClient client, String customer, Predicate<JsonNode> shown) {
    List<JsonNode> seen = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              CommandClient.Answer view = client.get("/api/v1/customers/" + customer);
              if (view.status() != 200 || !shown.test(view.json())) {
                return false;
              }
              seen.add(view.json());
              return true;
            });
    return seen.getLast();
  }

  /** The customer's events as a data team's client decodes them, with the registry's schemas. */
  private static List<GenericRecord> decodedEvents(KafkaTestCluster kafka, String customer) {
    KafkaAvroDeserializer avro = new KafkaAvroDeserializer();
    avro.configure(Map.of("schema.registry.url", app.registryUri().toString()), false);
    return TopicReader.readAll(kafka, "cairn.customers.events", avro::deserialize).stream()
        .filter(record -> customer.equals(record.key()))
        .map(record -> (GenericRecord) record.value())
        .toList();
  }
}
