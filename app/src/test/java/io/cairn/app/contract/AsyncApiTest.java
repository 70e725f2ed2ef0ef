package io.cairn.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import io.cairn.app.RunningApp;
import io.cairn.app.config.CairnConfig;
import io.cairn.testkit.WithRealKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GET /asyncapi.json of a running app: a valid AsyncAPI 3.0 document, checked against the
 * specification's own JSON Schema, that names every topic the app's broker holds but Kafka Streams'
 * internal ones.
 */
@WithRealKafka
class AsyncApiTest {
  private static final ObjectMapper json = new ObjectMapper();

  @RegisterExtension static final RunningApp app = new RunningApp();

  @Test
  void shouldServeADocumentTheAsyncApiSchemaAccepts() throws Exception {
    JsonNode document = served();

    List<Error> errors = AsyncApiSchema.errors(document);

    assertThat(errors).as("AsyncAPI 3.0 schema errors").isEmpty();
    assertThat(document.get("asyncapi").asText()).isEqualTo("3.0.0");
    // The schema is one that finds fault: an operation without its channel is refused.
    JsonNode broken = document.deepCopy();
    ((ObjectNode) broken.at("/operations/cairn.dlq.send")).remove("channel");
    assertThat(AsyncApiSchema.errors(broken)).isNotEmpty();
  }

  @Test
  void shouldNameEveryTopicTheBrokerHoldsButStreamsInternalOnes() throws Exception {
    Set<String> channels = new TreeSet<>();
    served().get("channels").forEach(channel -> channels.add(channel.get("address").asText()));

    assertThat(channels).containsAll(cairnTopicsOnTheBroker());
    assertThat(cairnTopicsOnTheBroker()).containsAll(channels);
  }

  @Test
  void shouldDescribeTheEventLogAsTheSourceOfTruth() throws Exception {
    JsonNode document = served();
    JsonNode channel = document.at("/channels/cairn.carts.events");
    JsonNode message = document.at("/components/messages/cairn.carts.events");

    assertThat(channel.at("/bindings/kafka/topicConfiguration/retention.ms").asLong())
        .isEqualTo(-1);
    assertThat(channel.at("/bindings/kafka/topicConfiguration/cleanup.policy/0").asText())
        .isEqualTo("delete");
    assertThat(message.at("/payload/schemaFormat").asText())
        .isEqualTo("application/vnd.apache.avro+json;version=1.9.0");
    assertThat(message.at("/payload/schema/name").asText()).isEqualTo("CartEvent");
    assertThat(message.at("/headers/properties").has("ce_correlationid")).isTrue();
    assertThat(message.at("/bindings/kafka/key/description").asText()).contains("aggregate's id");
    assertThat(document.at("/operations/cairn.carts.events.send/action").asText())
        .isEqualTo("send");
    assertThat(document.at("/operations/cairn.carts.commands.receive/action").asText())
        .isEqualTo("receive");
  }

  @Test
  void shouldWriteTheSameDocumentOfflineFromTheConfiguration() throws Exception {
    JsonNode offline =
        DeclaredContract.of(CairnConfig.load(List.of("--topics.partitions=1"), Map.of()))
            .asyncApi(json, app.bootstrapServers());

    assertThat(AsyncApiSchema.errors(offline)).isEmpty();
    // Compared as written: in memory a replica count is a short, read back an int.
    assertThat(json.readTree(offline.toString()).get("channels"))
        .isEqualTo(served().get("channels"));
  }

  private static Set<String> cairnTopicsOnTheBroker() throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers()))) {
      return admin.listTopics().names().get().stream()
          .filter(topic -> !topic.startsWith("__"))
          // Kafka Streams' own: its stores' changelogs and its repartitions.
          .filter(topic -> !topic.endsWith("-changelog") && !topic.endsWith("-repartition"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static JsonNode served() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(app.httpUri() + "/asyncapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
  }
}
