package io.cairn.engine.views.topology;

import io.cairn.avro.json.AvroJson;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.engine.mapping.RecordMapper;
import io.cairn.engine.views.stores.DecodedEvent;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/** Reads an event envelope from the event log into the {@link DecodedEvent} the views fold. */
public final class EventDecoder {
  private final BoundAggregate<?, ?, ?> aggregate;
  private final RecordMapper mapper = new RecordMapper();

  /** A decoder of the given aggregate type's events. */
  public EventDecoder(BoundAggregate<?, ?, ?> aggregate) {
    this.aggregate = aggregate;
  }

  /** The event an envelope holds, not yet folded into its aggregate. */
  public DecodedEvent decode(IndexedRecord envelope) {
    Schema schema = envelope.getSchema();
    IndexedRecord payload = (IndexedRecord) envelope.get(schema.getField("payload").pos());
    return new DecodedEvent(
        aggregate.name(),
        (String) envelope.get(schema.getField("aggregateId").pos()),
        (Long) envelope.get(schema.getField("aggregateVersion").pos()),
        (Instant) envelope.get(schema.getField("occurredAt").pos()),
        payload.getSchema().getName(),
        mapper.fromAvro(payload, aggregate.type().events()),
        AvroJson.text(payload),
        null,
        null);
  }
}
