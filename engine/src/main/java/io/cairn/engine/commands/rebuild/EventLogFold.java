package io.cairn.engine.commands.rebuild;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.engine.commands.Snapshot;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.engine.mapping.RecordMapper;
import io.cairn.engine.views.stores.DecodedEvent;
import io.cairn.engine.views.topology.EventDecoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Folds an aggregate type's event log, read from its start, into each aggregate's snapshot as the
 * command processors saved it after its latest event: its version, its state by the type's own
 * decider (old events read through the type's upcasters), when the latest event happened, what
 * caused it and who asked. A version that does not follow the one before stops the fold: the log
 * itself would then hold a gap or a duplicate, which no rebuild should paper over.
 *
 * @param <E> the type's events
 * @param <S> the type's state
 */
final class EventLogFold<E, S> {
  private final BoundAggregate<?, E, S> aggregate;
  private final EventDecoder decoder;
  private final RecordMapper mapper = new RecordMapper();
  private final Map<String, Folded<S>> folded = new HashMap<>();
  private long events;

  /** An aggregate as folded so far, and where its latest event is in the log. */
  private record Folded<S>(
      Snapshot<S> snapshot, Snapshot.Cause cause, int partition, long offset) {}

  /**
   * A snapshot to write, to the partition its aggregate's events are in.
   *
   * @param id the aggregate
   * @param partition the partition of its events, and of its commands
   * @param snapshot the snapshot record
   */
  record Saved(String id, int partition, SpecificRecord snapshot) {}

  EventLogFold(BoundAggregate<?, E, S> aggregate) {
    this.aggregate = aggregate;
    this.decoder = new EventDecoder(aggregate);
  }

  /** Folds the next event of the log. */
  void add(ConsumerRecord<String, SpecificRecord> record) {
    DecodedEvent event = decoder.decode(record.value());
    Folded<S> before = folded.get(event.aggregateId());
    long expected = before == null ? 1 : before.snapshot().version() + 1;
    if (event.version() != expected) {
      throw new IllegalStateException(
          "%s %s has event version %d where version %d comes next (%s-%d at offset %d): the event"
                  .formatted(
                      aggregate.name(),
                      event.aggregateId(),
                      event.version(),
                      expected,
                      record.topic(),
                      record.partition(),
                      record.offset())
              + " log itself holds a gap or a duplicate, which a rebuild would hide");
    }
    AggregateType<?, E, S> type = aggregate.type();
    S state = before == null ? type.decider().initialState() : before.snapshot().state();
    S after = type.decider().evolve(state, type.events().cast(event.event()));
    Snapshot.Cause cause =
        new Snapshot.Cause(
            event.occurredAt(), event.provenance().causationId(), event.provenance().actor());
    folded.put(
        event.aggregateId(),
        new Folded<>(
            new Snapshot<>(event.version(), after), cause, record.partition(), record.offset()));
    events++;
  }

  /** How many events were folded. */
  long events() {
    return events;
  }

  /** How many aggregates the events were of. */
  int aggregates() {
    return folded.size();
  }

  /**
   * The snapshots, each partition's in the order their aggregates' latest events came, except that
   * the aggregate its state topic ends with comes last: the store's changelog then ends as the
   * processors would have left it, which the start-up check compares.
   *
   * @param stateEnds by partition, the aggregate the state topic ends with
   */
  List<Saved> snapshots(Map<Integer, String> stateEnds) {
    Comparator<Map.Entry<String, Folded<S>>> order =
        Comparator.comparingInt(
                (Map.Entry<String, Folded<S>> entry) -> entry.getValue().partition())
            .thenComparing(
                entry -> entry.getKey().equals(stateEnds.get(entry.getValue().partition())) ? 1 : 0)
            .thenComparingLong(entry -> entry.getValue().offset());
    List<Saved> saved = new ArrayList<>();
    folded.entrySet().stream()
        .sorted(order)
        .forEach(
            entry -> {
              Folded<S> aggregateFolded = entry.getValue();
              SpecificRecord record =
                  (SpecificRecord)
                      aggregateFolded
                          .snapshot()
                          .toAvro(entry.getKey(), aggregateFolded.cause(), aggregate, mapper);
              saved.add(new Saved(entry.getKey(), aggregateFolded.partition(), record));
            });
    return saved;
  }
}
