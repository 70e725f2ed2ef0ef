package io.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.app.write.CommandClient;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app on an external cluster (the test broker): no embedded broker, topics, health over HTTP.
 */
@WithRealKafka
class CairnAppTest {
  private static final ObjectMapper mapper = new ObjectMapper();
  private static final HttpClient http = HttpClient.newHttpClient();
  @TempDir static Path stateDir;
  private static CairnApp app;
  private static CommandClient client;

  @BeforeAll
  static void start(KafkaTestCluster kafka) {
    app = InProcessApp.start(kafka, stateDir);
    client = new CommandClient(app.httpUri());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void shouldUseTheConfiguredClusterWithoutStartingABroker(KafkaTestCluster kafka) {
    assertThat(app.broker()).isEmpty();
    assertThat(app.kafka().bootstrapServers()).isEqualTo(kafka.bootstrapServers());
  }

  @Test
  void shouldCreateEveryDeclaredTopic(KafkaTestCluster kafka) throws Exception {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      assertThat(admin.listTopics().names().get())
          .contains("cairn.carts.commands", "cairn.carts.events", "cairn.carts.state")
          .contains("cairn.orders.events", "cairn.command-replies");
    }
  }

  @Test
  void shouldPublishEveryEnvelopeUnderItsTopicsSubject() throws Exception {
    HttpResponse<String> subjects =
        http.send(
            HttpRequest.newBuilder(app.registryUri().resolve("/subjects")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(app.hasEmbeddedRegistry()).isTrue();
    assertThat(mapper.readTree(subjects.body()))
        .extracting(JsonNode::asText)
        .contains(
            "cairn.products.commands-value",
            "cairn.products.events-value",
            "cairn.carts.events-value",
            "cairn.orders.commands-value")
        .hasSizeGreaterThanOrEqualTo(10);
  }

  @Test
  void shouldAnswerLiveness() throws Exception {
    CommandClient.Answer response = client.get("/health/live");

    assertThat(response.status()).isEqualTo(200);
    assertThat(mapper.readTree(response.body()).get("status").asText()).isEqualTo("live");
  }

  @Test
  void shouldBeReadyWhenKafkaAnswers() throws Exception {
    // A stream thread joining after the others makes one more rebalance, which readiness reports.
    CommandClient.Answer response =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> client.get("/health/ready"), answer -> answer.status() == 200);

    JsonNode body = mapper.readTree(response.body());
    assertThat(body.get("status").asText()).isEqualTo("ready");
    assertThat(body.get("checks").get("kafka").asText()).isEqualTo("reachable (1 broker)");
  }

  @Test
  void shouldAnswerUnknownPathInTheErrorShape() throws Exception {
    CommandClient.Answer response = client.get("/api/v2/nothing-here");

    assertThat(response.status()).isEqualTo(404);
    JsonNode body = mapper.readTree(response.body());
    assertThat(body.get("error").asText()).isEqualTo("not_found");
    assertThat(body.has("message")).isTrue();
    assertThat(body.has("details")).isTrue();
  }
}
