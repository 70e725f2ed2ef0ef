package io.cairn.engine.views.topology;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.engine.views.stores.DecodedEvent;
import io.cairn.engine.views.stores.EventClasses;
import io.cairn.engine.views.stores.Provenance;
import io.cairn.engine.views.stores.ViewJson;
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
final class DecodedEventSerde {
  private static final ObjectMapper JSON = ViewJson.MAPPER;

  private final EventClasses classes;

  DecodedEventSerde(List<AggregateType<?, ?, ?>> types) {
    this.classes = new EventClasses(types);
  }

  Serde<DecodedEvent> serde() {
    Serializer<DecodedEvent> serializer = (topic, event) -> event == null ? null : write(event);
    Deserializer<DecodedEvent> deserializer = (topic, bytes) -> bytes == null ? null : read(bytes);
    return Serdes.serdeFrom(serializer, deserializer);
  }

  /** Writes the event field by field; {@link #read} relies on type and name preceding event. */
  private static byte[] write(DecodedEvent event) {
    ByteArrayBuilder bytes = new ByteArrayBuilder(512);
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      json.writeStringField("type", event.type());
      json.writeStringField("aggregateId", event.aggregateId());
      json.writeNumberField("version", event.version());
      json.writeNumberField("occurredAt", event.occurredAt().toEpochMilli());
      json.writeStringField("correlationId", event.provenance().correlationId());
      json.writeStringField("causationId", event.provenance().causationId());
      json.writeStringField("actor", event.provenance().actor());
      json.writeStringField("name", event.name());
      json.writeFieldName("event");
      JSON.writeValue(json, event.event());
      json.writeStringField("payloadJson", event.payloadJson());
      json.writeFieldName("createdAt");
      if (event.createdAt() == null) {
        json.writeNull();
      } else {
        json.writeNumber(event.createdAt().toEpochMilli());
      }
      json.writeFieldName("state");
      JSON.writeValue(json, event.state());
      json.writeEndObject();
    } catch (IOException e) {
      throw new SerializationException("cannot write the event " + event.name(), e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads an event as it streams by, each domain record straight into its class: the type and the
   * name come before the event and the state, as {@link #write} puts them.
   */
  private DecodedEvent read(byte[] bytes) {
    Fields fields = new Fields();
    try (JsonParser json = JSON.createParser(bytes)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new SerializationException("a folded event is not a JSON object");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        json.nextToken();
        fields.read(field, json);
      }
    } catch (IOException e) {
      throw new SerializationException("cannot read a folded event", e);
    }
    return fields.event();
  }

  /** The fields of one event as they are read. */
  private final class Fields {
    private AggregateType<?, ?, ?> type;
    private String aggregateId;
    private long version;
    private Instant occurredAt;
    private String correlationId;
    private String causationId;
    private String actor;
    private String name;
    private Object event;
    private String payloadJson;
    private Instant createdAt;
    private Object state;

    void read(String field, JsonParser json) throws IOException {
      switch (field) {
        case "type" -> type = classes.type(json.getText());
        case "aggregateId" -> aggregateId = json.getText();
        case "version" -> version = json.getLongValue();
        case "occurredAt" -> occurredAt = instant(json);
        case "correlationId" -> correlationId = text(json);
        case "causationId" -> causationId = text(json);
        case "actor" -> actor = text(json);
        case "name" -> name = json.getText();
        case "event" -> event = JSON.readValue(json, classes.event(known().name(), name));
        case "payloadJson" -> payloadJson = json.getText();
        case "createdAt" -> createdAt = instant(json);
        case "state" -> state = JSON.readValue(json, known().state());
        default -> json.skipChildren();
      }
    }

    private AggregateType<?, ?, ?> known() {
      if (type == null || name == null) {
        throw new SerializationException("a folded event names its type and event too late");
      }
      return type;
    }

    DecodedEvent event() {
      return new DecodedEvent(
          known().name(),
          aggregateId,
          version,
          occurredAt,
          new Provenance(correlationId, causationId, actor),
          name,
          event,
          payloadJson,
          createdAt,
          state);
    }
  }

  /** A text field's value, or null. */
  private static String text(JsonParser json) throws IOException {
    return json.currentToken() == JsonToken.VALUE_NULL ? null : json.getText();
  }

  /** An instant as written now (epoch milliseconds) or before (ISO text), or null. */
  private static Instant instant(JsonParser json) throws IOException {
    return switch (json.currentToken()) {
      case VALUE_NUMBER_INT -> Instant.ofEpochMilli(json.getLongValue());
      case VALUE_STRING -> Instant.parse(json.getText());
      default -> null;
    };
  }
}
