package io.cairn.topology.views;

import io.cairn.avro.json.AvroJson;
import io.cairn.topology.aggregate.AggregateType;
import io.cairn.topology.mapping.RecordMapper;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/** Reads an event envelope from the event log into the {@link SourcedEvent} the views fold. */
final class EventDecoder {
  private final AggregateType<?, ?, ?> type;
  private final RecordMapper mapper = new RecordMapper();

  EventDecoder(AggregateType<?, ?, ?> type) {
    this.type = type;
  }

  SourcedEvent decode(IndexedRecord envelope) {
    Schema schema = envelope.getSchema();
    IndexedRecord payload = (IndexedRecord) envelope.get(schema.getField("payload").pos());
    return new SourcedEvent(
        type.name(),
        (String) envelope.get(schema.getField("aggregateId").pos()),
        (Long) envelope.get(schema.getField("aggregateVersion").pos()),
        (Instant) envelope.get(schema.getField("occurredAt").pos()),
        payload.getSchema().getName(),
        mapper.fromAvro(payload, type.events()),
        AvroJson.text(payload),
        null,
        null);
  }
}
