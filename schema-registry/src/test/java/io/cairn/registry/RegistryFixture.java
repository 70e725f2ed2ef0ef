package io.cairn.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.topics.CairnTopics;
import io.cairn.kafka.topics.TopicDefaults;
import io.cairn.kafka.topics.TopicProvisioner;
import io.cairn.testkit.KafkaTestCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** A registry on its own log topic of the test broker, and plain HTTP calls to it. */
final class RegistryFixture {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final KafkaConnection kafka;
  private final String topic;

  private RegistryFixture(KafkaConnection kafka, String topic) {
    this.kafka = kafka;
    this.topic = topic;
  }

  /** Creates a fresh log topic; registries started from this fixture share it. */
  static RegistryFixture onFreshLog(KafkaTestCluster cluster) {
    String topic = cluster.uniqueName("_schemas");
    try (Admin admin = Admin.create(cluster.clientProperties())) {
      new TopicProvisioner(admin, Duration.ofSeconds(30))
          .ensure(List.of(new CairnTopics(new TopicDefaults(1, (short) 1)).schemaLog(topic)));
    }
    return new RegistryFixture(new KafkaConnection(cluster.bootstrapServers(), Map.of()), topic);
  }

  /** An open registry, as with auth.mode=none and no users file. */
  EmbeddedSchemaRegistry start() {
    return start(RegistryUsers.none(), false);
  }

  EmbeddedSchemaRegistry start(RegistryUsers users, boolean writesNeedAdmin) {
    return EmbeddedSchemaRegistry.start(
        new EmbeddedSchemaRegistry.Settings(
            "127.0.0.1",
            0,
            topic,
            CompatibilityLevel.BACKWARD,
            Duration.ofSeconds(10),
            users,
            writesNeedAdmin,
            Optional.empty()),
        kafka);
  }

  /** The log's records, as many as there are: what was written, refused or not. */
  long logRecords() {
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      var partition = new TopicPartition(topic, 0);
      return admin
          .listOffsets(Map.of(partition, OffsetSpec.latest()))
          .partitionResult(partition)
          .get()
          .offset();
    } catch (ExecutionException e) {
      throw new AssertionError("cannot read the log's end", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Answer get(EmbeddedSchemaRegistry registry, String path) {
    return send(registry, "GET", path, null);
  }

  static Answer post(EmbeddedSchemaRegistry registry, String path, Object body) {
    return send(registry, "POST", path, body);
  }

  static Answer put(EmbeddedSchemaRegistry registry, String path, Object body) {
    return send(registry, "PUT", path, body);
  }

  static Answer delete(EmbeddedSchemaRegistry registry, String path) {
    return send(registry, "DELETE", path, null);
  }

  /** POST /subjects/{subject}/versions with a schema, as Confluent's clients send it. */
  static Answer register(EmbeddedSchemaRegistry registry, String subject, String schema) {
    return post(registry, "/subjects/" + subject + "/versions", Map.of("schema", schema));
  }

  private static Answer send(
      EmbeddedSchemaRegistry registry, String method, String path, Object body) {
    return send(registry, method, path, body, null);
  }

  /** A call as a user, {@code name:password}; null for none. */
  static Answer send(
      EmbeddedSchemaRegistry registry, String method, String path, Object body, String user) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(registry.uri() + path))
              .header("Accept", "application/vnd.schemaregistry.v1+json");
      if (user != null) {
        request.header(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
      }
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new AssertionError("cannot call the registry", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** An HTTP answer of the registry. */
  record Answer(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    int errorCode() {
      return json().path("error_code").asInt();
    }
  }

  /** A record schema with the given fields, as JSON text. */
  static String record(String name, String... fields) {
    return "{\"type\":\"record\",\"name\":\""
        + name
        + "\",\"namespace\":\"test\",\"fields\":["
        + String.join(",", fields)
        + "]}";
  }
}
