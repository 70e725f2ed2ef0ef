package io.cairn.topology.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.topology.aggregate.AggregateType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Carries folded events through the views' repartition topics, as JSON: the event and the state are
 * domain records, read back by the event's name among its type's sealed events. These topics are
 * internal to the views application and rebuilt with it, so the form is not a contract.
 */
final class SourcedEventSerde {
  private static final ObjectMapper JSON = ViewJson.MAPPER;

  private final EventClasses classes;

  SourcedEventSerde(List<AggregateType<?, ?, ?>> types) {
    this.classes = new EventClasses(types);
  }

  Serde<SourcedEvent> serde() {
    Serializer<SourcedEvent> serializer = (topic, event) -> event == null ? null : write(event);
    Deserializer<SourcedEvent> deserializer = (topic, bytes) -> bytes == null ? null : read(bytes);
    return Serdes.serdeFrom(serializer, deserializer);
  }

  private static byte[] write(SourcedEvent event) {
    ObjectNode json = JSON.createObjectNode();
    json.put("type", event.type());
    json.put("aggregateId", event.aggregateId());
    json.put("version", event.version());
    json.put("occurredAt", event.occurredAt().toString());
    json.put("name", event.name());
    json.set("event", JSON.valueToTree(event.event()));
    json.put("payloadJson", event.payloadJson());
    json.put("createdAt", event.createdAt() == null ? null : event.createdAt().toString());
    json.set("state", JSON.valueToTree(event.state()));
    try {
      return JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new SerializationException("cannot write the event " + event.name(), e);
    }
  }

  private SourcedEvent read(byte[] bytes) {
    try {
      JsonNode json = JSON.readTree(bytes);
      AggregateType<?, ?, ?> type = classes.type(json.get("type").asText());
      String name = json.get("name").asText();
      return new SourcedEvent(
          type.name(),
          json.get("aggregateId").asText(),
          json.get("version").asLong(),
          Instant.parse(json.get("occurredAt").asText()),
          name,
          JSON.treeToValue(json.get("event"), classes.event(type.name(), name)),
          json.get("payloadJson").asText(),
          json.hasNonNull("createdAt") ? Instant.parse(json.get("createdAt").asText()) : null,
          JSON.treeToValue(json.get("state"), type.state()));
    } catch (IOException e) {
      throw new SerializationException("cannot read a folded event", e);
    }
  }
}
