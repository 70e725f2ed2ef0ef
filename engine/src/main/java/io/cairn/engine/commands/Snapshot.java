package io.cairn.engine.commands;

import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.engine.mapping.RecordMapper;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * An aggregate's state and version, as the processor loads it from its store and saves it back:
 * version 0 is an aggregate with no events yet.
 *
 * @param version the version of the latest event
 * @param state the state after it
 */
record Snapshot<S>(long version, S state) {

  static <S> Snapshot<S> load(
      IndexedRecord stored, BoundAggregate<?, ?, S> aggregate, RecordMapper mapper) {
    if (stored == null) {
      return new Snapshot<>(0, aggregate.type().decider().initialState());
    }
    Schema schema = stored.getSchema();
    long version = (Long) stored.get(schema.getField("version").pos());
    IndexedRecord state = (IndexedRecord) stored.get(schema.getField("state").pos());
    return new Snapshot<>(version, mapper.fromAvro(state, aggregate.type().state()));
  }

  /** The snapshot record after the events of a command, which it names as their cause. */
  IndexedRecord toAvro(
      IncomingCommand command,
      Instant updatedAt,
      BoundAggregate<?, ?, S> aggregate,
      RecordMapper mapper) {
    Schema schema = aggregate.envelopes().snapshot();
    IndexedRecord record = mapper.newRecord(schema);
    record.put(schema.getField("aggregateId").pos(), command.aggregateId());
    record.put(schema.getField("version").pos(), version);
    record.put(schema.getField("updatedAt").pos(), updatedAt);
    record.put(schema.getField("causationId").pos(), command.causationOfEvents());
    record.put(schema.getField("actor").pos(), command.actor());
    record.put(
        schema.getField("state").pos(), mapper.toAvro(state, schema.getField("state").schema()));
    return record;
  }
}
