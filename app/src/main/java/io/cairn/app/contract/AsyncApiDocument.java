package io.cairn.app.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Cairn's topics as an AsyncAPI 3.0 document: each topic a channel with its message (key, headers,
 * Avro schema or JSON Schema), its partitions, replication and retention, and what Cairn does with
 * it (sends, receives); made from the same declarations start-up creates the topics from.
 */
public final class AsyncApiDocument {
  private static final String ASYNCAPI_VERSION = "3.0.0";
  private static final String COMPATIBILITY =
      "Cairn's event log as a contract. Avro topics are in Confluent's wire format under the"
          + " subject <topic>-value (TopicNameStrategy). Each envelope stays FULL_TRANSITIVE"
          + " compatible with every version released, except that a new event or command type is"
          + " appended at the end of its envelope's payload union: read with the writer's schema"
          + " from the registry, or upgrade a consumer that reads with a generated reader schema"
          + " before the producers. A change to a key, the partitioning or a topic's meaning comes"
          + " as a new topic. Records with the same key keep their order.";

  private final ObjectMapper json;

  /** A document written with this mapper. */
  public AsyncApiDocument(ObjectMapper json) {
    this.json = json;
  }

  /**
   * The document of these topics.
   *
   * @param valueSchemas the Avro schema of each Avro topic's values, by topic
   * @param bootstrapServers where the Kafka cluster is
   * @param version the app's version
   */
  public ObjectNode of(
      List<PublishedTopic> topics,
      Map<String, Schema> valueSchemas,
      String bootstrapServers,
      String version) {
    ObjectNode document = json.createObjectNode();
    document.put("asyncapi", ASYNCAPI_VERSION);
    document
        .putObject("info")
        .put("title", "Cairn")
        .put("version", version)
        .put("description", COMPATIBILITY);
    document
        .putObject("servers")
        .putObject("kafka")
        .put("host", bootstrapServers)
        .put("protocol", "kafka")
        .put("description", "The Kafka cluster Cairn runs on.");
    ObjectNode channels = document.putObject("channels");
    ObjectNode operations = document.putObject("operations");
    ObjectNode messages = document.putObject("components").putObject("messages");
    AsyncApiMessages messageOf = new AsyncApiMessages(json, valueSchemas);
    for (PublishedTopic topic : topics) {
      String name = topic.spec().name();
      messages.set(name, messageOf.of(topic));
      channels.set(name, channel(topic));
      if (topic.role().written()) {
        operations.set(name + ".send", operation("send", name, "Cairn writes "));
      }
      if (topic.role().read()) {
        operations.set(name + ".receive", operation("receive", name, "Cairn reads "));
      }
    }
    return document;
  }

  private ObjectNode channel(PublishedTopic topic) {
    String name = topic.spec().name();
    ObjectNode channel = json.createObjectNode();
    channel.put("address", name);
    channel.put("description", topic.description());
    channel.putObject("messages").putObject(name).put("$ref", "#/components/messages/" + name);
    ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
    kafka.put("topic", name);
    kafka.put("partitions", topic.spec().partitions());
    kafka.put("replicas", topic.spec().replicationFactor());
    kafka.set("topicConfiguration", topicConfiguration(topic));
    kafka.put("bindingVersion", AsyncApiMessages.KAFKA_BINDING_VERSION);
    return channel;
  }

  private ObjectNode topicConfiguration(PublishedTopic topic) {
    Map<String, String> configs = topic.spec().configs();
    ObjectNode configuration = json.createObjectNode();
    ArrayNode cleanup = configuration.putArray("cleanup.policy");
    for (String policy : topic.spec().cleanupPolicy().split(",")) {
      cleanup.add(policy.strip());
    }
    for (String limit : List.of("retention.ms", "retention.bytes")) {
      if (configs.containsKey(limit)) {
        configuration.put(limit, Long.parseLong(configs.get(limit)));
      }
    }
    if (topic.role().format() == TopicRole.Format.AVRO) {
      configuration.put(
          "confluent.value.subject.name.strategy",
          "io.confluent.kafka.serializers.subject.TopicNameStrategy");
    }
    return configuration;
  }

  private ObjectNode operation(String action, String topic, String summary) {
    ObjectNode operation = json.createObjectNode();
    operation.put("action", action);
    operation.put("summary", summary + topic + ".");
    operation.putObject("channel").put("$ref", "#/channels/" + topic);
    operation
        .putArray("messages")
        .addObject()
        .put("$ref", "#/channels/" + topic + "/messages/" + topic);
    return operation;
  }
}
