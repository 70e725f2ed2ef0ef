package io.cairn.app.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.engine.streams.DeadLetter;
import io.cairn.kafka.topics.CommandHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The message of each topic in the AsyncAPI document: its payload (the Avro schema itself, or a
 * JSON Schema of what Cairn writes there), its headers and its key.
 */
final class AsyncApiMessages {
  /** The schema format of an Avro schema in AsyncAPI. */
  static final String AVRO_FORMAT = "application/vnd.apache.avro+json;version=1.9.0";

  /** The version of AsyncAPI's Kafka bindings the channels and messages follow. */
  static final String KAFKA_BINDING_VERSION = "0.5.0";

  private final ObjectMapper json;
  private final Map<String, Schema> valueSchemas;

  /**
   * @param valueSchemas the Avro schema of each Avro topic's values, by topic
   */
  AsyncApiMessages(ObjectMapper json, Map<String, Schema> valueSchemas) {
    this.json = json;
    this.valueSchemas = Map.copyOf(valueSchemas);
  }

  ObjectNode of(PublishedTopic topic) {
    String name = topic.spec().name();
    ObjectNode message = json.createObjectNode();
    message.put("name", name);
    message.put("title", "A record of " + name);
    switch (topic.role().format()) {
      case AVRO -> avro(message, name);
      case CLOUD_EVENT -> cloudEvent(message);
      case JSON -> {
        message.put("contentType", "application/json");
        message.set("payload", json.createObjectNode().put("type", "object"));
      }
      case BYTES -> {
        message.put("contentType", "application/octet-stream");
        message.set(
            "payload",
            json.createObjectNode()
                .put("type", "string")
                .put("description", "The record's value, byte for byte."));
      }
    }
    Map<String, String> headers = headers(topic.role());
    if (!headers.isEmpty()) {
      message.set("headers", stringsObject(headers));
    }
    ObjectNode kafka = json.createObjectNode();
    kafka.set(
        "key",
        json.createObjectNode().put("type", "string").put("description", topic.role().key()));
    if (topic.role().format() == TopicRole.Format.AVRO) {
      kafka.put("schemaIdLocation", "payload");
      kafka.put("schemaIdPayloadEncoding", "confluent");
      kafka.put("schemaLookupStrategy", "TopicNameStrategy");
    }
    kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
    message.set("bindings", json.createObjectNode().set("kafka", kafka));
    return message;
  }

  private void avro(ObjectNode message, String topic) {
    Schema schema = valueSchemas.get(topic);
    if (schema == null) {
      throw new IllegalStateException(topic + " is an Avro topic without a schema");
    }
    message.put("contentType", "application/vnd.apache.avro+json");
    message.put(
        "description",
        "Avro in Confluent's wire format (a zero byte, the schema's 4-byte id, the binary"
            + " record), the schema registered under the subject "
            + topic
            + "-value.");
    ObjectNode payload = json.createObjectNode();
    payload.put("schemaFormat", AVRO_FORMAT);
    try {
      payload.set("schema", json.readTree(schema.toString()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the schema of " + topic + " is not JSON", e);
    }
    message.set("payload", payload);
  }

  private void cloudEvent(ObjectNode message) {
    message.put("contentType", "application/cloudevents+json");
    message.put(
        "description",
        "A CloudEvent 1.0 in structured JSON; in an inbox, binary mode (ce_ headers, the data as"
            + " the value) is read too.");
    ObjectNode payload = json.createObjectNode().put("type", "object");
    payload.set(
        "required", json.createArrayNode().add("specversion").add("id").add("source").add("type"));
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("specversion", "1.0");
    attributes.put("id", "Unique per source; the same id twice is applied once.");
    attributes.put("source", "Who sent it, such as /cairn/orders.");
    attributes.put("type", "Its type, such as orders.OrderConfirmed.");
    attributes.put("subject", "What it is about, such as an order's id.");
    attributes.put("time", "When it happened, ISO-8601.");
    attributes.put("datacontenttype", "application/json");
    attributes.put("correlationid", "The flow it belongs to (extension).");
    attributes.put("causationid", "The id of what caused it (extension).");
    ObjectNode properties = stringsObject(attributes).withObject("/properties");
    properties.set("data", json.createObjectNode().put("description", "The event's data."));
    payload.set("properties", properties);
    message.set("payload", payload);
  }

  /** The headers Cairn writes on a topic's records, with what each says. */
  private static Map<String, String> headers(TopicRole role) {
    Map<String, String> headers = new LinkedHashMap<>();
    switch (role) {
      case EVENTS -> {
        headers.put("ce_specversion", "CloudEvents binary mode: 1.0.");
        headers.put("ce_id", "The event's id.");
        headers.put("ce_source", "/cairn/<aggregate type>.");
        headers.put("ce_type", "io.cairn.<aggregate type>.<event>.");
        headers.put("ce_time", "When it occurred, ISO-8601.");
        headers.put("ce_subject", "The aggregate's id.");
        headers.put("ce_correlationid", "The flow it belongs to.");
        headers.put("ce_causationid", "The id of the command that caused it.");
        headers.put("content-type", "application/avro.");
      }
      case DEAD_LETTERS -> {
        headers.put(DeadLetter.TOPIC, "The topic it was read from.");
        headers.put(DeadLetter.PARTITION, "Its partition there; -1 if it had none.");
        headers.put(DeadLetter.OFFSET, "Its offset there; -1 if it had none.");
        headers.put(DeadLetter.APPLICATION, "The application that could not process it.");
        headers.put(DeadLetter.REASON, "unknown_type, unreadable, failed, or rejected:<rule>.");
        headers.put(DeadLetter.EXCEPTION, "The exception's class, when one was thrown.");
        headers.put(DeadLetter.MESSAGE, "The exception's message, or the rule's sentence.");
        headers.put(DeadLetter.TIME, "When it was queued, ISO-8601.");
      }
      case INTEGRATION -> headers.put("content-type", "application/cloudevents+json.");
      case COMMANDS ->
          headers.put(
              CommandHeaders.CUSTOMER,
              "Optional: the customer the sender acts for (a cairn:customer token); the command is"
                  + " refused, forbidden, unless it is that customer's own to send.");
      case STATE,
          REPLIES,
          INBOX,
          REPORT,
          PROCESS_INPUTS,
          EFFECT_REQUESTS,
          PERSONAL_KEYS,
          SCHEMA_LOG -> {}
    }
    return headers;
  }

  /** A JSON Schema object whose properties are strings, each with its description. */
  private ObjectNode stringsObject(Map<String, String> described) {
    ObjectNode schema = json.createObjectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    described.forEach(
        (name, description) ->
            properties.set(
                name,
                json.createObjectNode().put("type", "string").put("description", description)));
    return schema;
  }
}
