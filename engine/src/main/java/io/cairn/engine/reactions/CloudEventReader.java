package io.cairn.engine.reactions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.avro.json.AvroJson;
import io.cairn.core.reaction.InboundEvent;
import io.cairn.engine.streams.RefusedRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a CloudEvent 1.0 off a Kafka record, in either of the Kafka protocol binding's modes:
 * structured ({@code content-type: application/cloudevents+json}, the whole event a JSON object),
 * the usual form for services that do not share our schemas; or binary (the attributes in {@code
 * ce_*} headers, the data the value), its data JSON or Avro in the registry's wire format. What is
 * not a CloudEvent is refused as {@code invalid_cloudevent}.
 */
final class CloudEventReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private static final String STRUCTURED = "application/cloudevents+json";

  private final Deserializer<GenericRecord> avro;

  /**
   * @param avro reads binary-mode Avro data with the schema its id names
   */
  CloudEventReader(Deserializer<GenericRecord> avro) {
    this.avro = avro;
  }

  /** The event the record carries, received now. */
  InboxEntry read(String topic, Headers headers, byte[] value, Instant now) {
    if (text(headers, "ce_specversion") != null) {
      InboundEvent event = binary(topic, headers, value);
      return InboxEntry.of(event, correlation(text(headers, "ce_correlationid"), event), now);
    }
    String contentType = text(headers, "content-type");
    if (contentType != null && !contentType.startsWith(STRUCTURED)) {
      throw invalid("content-type " + contentType + " is neither " + STRUCTURED + " nor binary");
    }
    JsonNode json = json(value);
    InboundEvent event = structured(json);
    return InboxEntry.of(event, correlation(json.path("correlationid").asText(null), event), now);
  }

  private static String correlation(String extension, InboundEvent event) {
    return extension == null || extension.isBlank() ? event.id() : extension;
  }

  private static JsonNode json(byte[] value) {
    JsonNode event;
    try {
      event = value == null ? null : JSON.readTree(value);
    } catch (IOException e) {
      throw invalid("the value is not JSON: " + e.getMessage());
    }
    if (event == null || !event.isObject()) {
      throw invalid("a structured CloudEvent is a JSON object");
    }
    return event;
  }

  private static InboundEvent structured(JsonNode event) {
    specVersion(event.path("specversion").asText(null));
    return event(
        event.path("id").asText(null),
        event.path("source").asText(null),
        event.path("type").asText(null),
        event.path("subject").asText(null),
        event.path("time").asText(null),
        event.has("data") ? JSON.convertValue(event.get("data"), OBJECT) : Map.of());
  }

  private InboundEvent binary(String topic, Headers headers, byte[] value) {
    specVersion(text(headers, "ce_specversion"));
    return event(
        text(headers, "ce_id"),
        text(headers, "ce_source"),
        text(headers, "ce_type"),
        text(headers, "ce_subject"),
        text(headers, "ce_time"),
        data(topic, text(headers, "content-type"), value));
  }

  private Map<String, Object> data(String topic, String contentType, byte[] value) {
    if (value == null || value.length == 0) {
      return Map.of();
    }
    try {
      if (contentType != null && contentType.contains("avro")) {
        return JSON.convertValue(AvroJson.tree(avro.deserialize(topic, value)), OBJECT);
      }
      return JSON.readValue(value, OBJECT);
    } catch (IOException | RuntimeException e) {
      throw invalid("its data cannot be read as " + contentType + ": " + e.getMessage());
    }
  }

  private static InboundEvent event(
      String id,
      String source,
      String type,
      String subject,
      String time,
      Map<String, Object> data) {
    try {
      return new InboundEvent(
          id, source, type, subject, time == null ? null : Instant.parse(time), data);
    } catch (DateTimeParseException e) {
      throw invalid("time is not an RFC 3339 instant: " + time);
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  private static void specVersion(String version) {
    if (!"1.0".equals(version)) {
      throw invalid("specversion is " + version + ", not 1.0");
    }
  }

  private static RefusedRecord invalid(String why) {
    return new RefusedRecord("invalid_cloudevent", "not a CloudEvent 1.0: " + why);
  }

  private static String text(Headers headers, String key) {
    Header header = headers == null ? null : headers.lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
