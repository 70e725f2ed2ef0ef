package io.cairn.engine.commands;

import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.engine.mapping.RecordMapper;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * An aggregate's state and version, as the processor loads it from its store and saves it back (and
 * a rebuild of the store writes it from the event log): version 0 is an aggregate with no events
 * yet.
 *
 * @param version the version of the latest event
 * @param state the state after it
 */
public record Snapshot<S>(long version, S state) {

  static <S> Snapshot<S> load(
      IndexedRecord stored, BoundAggregate<?, ?, S> aggregate, RecordMapper mapper) {
    if (stored == null) {
      return new Snapshot<>(0, aggregate.type().decider().initialState());
    }
    Schema schema = stored.getSchema();
    long version = versionOf(stored);
    IndexedRecord state = (IndexedRecord) stored.get(schema.getField("state").pos());
    return new Snapshot<>(version, mapper.fromAvro(state, aggregate.type().state()));
  }

  /** The version a stored snapshot record holds. */
  public static long versionOf(IndexedRecord stored) {
    return (Long) stored.get(stored.getSchema().getField("version").pos());
  }

  /** The snapshot record after the events of a command, which it names as their cause. */
  IndexedRecord toAvro(
      IncomingCommand command,
      Instant updatedAt,
      BoundAggregate<?, ?, S> aggregate,
      RecordMapper mapper) {
    return toAvro(
        command.aggregateId(),
        new Cause(updatedAt, command.causationOfEvents(), command.actor()),
        aggregate,
        mapper);
  }

  /**
   * What the snapshot's latest events name: when they happened, what caused them, who asked.
   *
   * @param updatedAt when the latest event happened
   * @param causationId what caused it
   * @param actor who asked for it
   */
  public record Cause(Instant updatedAt, String causationId, String actor) {}

  /** The snapshot record of an aggregate, whose latest events had the given cause. */
  public IndexedRecord toAvro(
      String aggregateId, Cause cause, BoundAggregate<?, ?, S> aggregate, RecordMapper mapper) {
    Schema schema = aggregate.envelopes().snapshot();
    IndexedRecord record = mapper.newRecord(schema);
    record.put(schema.getField("aggregateId").pos(), aggregateId);
    record.put(schema.getField("version").pos(), version);
    record.put(schema.getField("updatedAt").pos(), cause.updatedAt());
    record.put(schema.getField("causationId").pos(), cause.causationId());
    record.put(schema.getField("actor").pos(), cause.actor());
    record.put(
        schema.getField("state").pos(), mapper.toAvro(state, schema.getField("state").schema()));
    return record;
  }
}
