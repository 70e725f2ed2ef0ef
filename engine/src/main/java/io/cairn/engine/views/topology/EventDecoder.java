package io.cairn.engine.views.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cairn.avro.json.AvroJson;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.engine.mapping.RecordMapper;
import io.cairn.engine.views.stores.DecodedEvent;
import io.cairn.engine.views.stores.Provenance;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Reads an event envelope from the event log into the {@link DecodedEvent} the views fold. A legacy
 * record, one the aggregate type no longer appends, is read as the event it means now, and its
 * payload is shown in that event's shape, so every reader of the views sees the current events
 * only.
 */
public final class EventDecoder {
  /** The JSON of an upcast event's payload, in the form Avro payloads are shown in. */
  private static final ObjectMapper PAYLOADS =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private final BoundAggregate<?, ?, ?> aggregate;
  private final Map<String, Class<?>> loggedByName;
  private final RecordMapper mapper = new RecordMapper();

  /** A decoder of the given aggregate type's events. */
  public EventDecoder(BoundAggregate<?, ?, ?> aggregate) {
    this.aggregate = aggregate;
    this.loggedByName =
        aggregate.type().loggedEvents().stream()
            .flatMap(
                interfaceType ->
                    Arrays.stream(interfaceType.getPermittedSubclasses())
                        .map(record -> Map.entry(record.getSimpleName(), interfaceType)))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** The event an envelope holds, not yet folded into its aggregate. */
  public DecodedEvent decode(IndexedRecord envelope) {
    Schema schema = envelope.getSchema();
    IndexedRecord payload = (IndexedRecord) envelope.get(schema.getField("payload").pos());
    Object logged = mapper.fromAvro(payload, loggedByName.get(payload.getSchema().getName()));
    Object event = aggregate.type().current(logged);
    return new DecodedEvent(
        aggregate.name(),
        (String) envelope.get(schema.getField("aggregateId").pos()),
        (Long) envelope.get(schema.getField("aggregateVersion").pos()),
        (Instant) envelope.get(schema.getField("occurredAt").pos()),
        new Provenance(
            (String) envelope.get(schema.getField("correlationId").pos()),
            (String) envelope.get(schema.getField("causationId").pos()),
            (String) envelope.get(schema.getField("actor").pos())),
        event.getClass().getSimpleName(),
        event,
        event == logged ? AvroJson.text(payload) : shown(event),
        null,
        null);
  }

  private static String shown(Object event) {
    try {
      return PAYLOADS.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot show the event " + event, e);
    }
  }
}
