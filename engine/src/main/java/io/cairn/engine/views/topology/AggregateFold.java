package io.cairn.engine.views.topology;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.engine.views.stores.AggregateEntry;
import io.cairn.engine.views.stores.DecodedEvent;
import io.cairn.kafka.stores.Store;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds an aggregate type's events into each aggregate's state with the type's own decider, as the
 * write side does, and passes every event on with the state after it.
 *
 * @param <E> the type's events
 * @param <S> the type's state
 */
final class AggregateFold<E, S> implements Processor<String, DecodedEvent, String, DecodedEvent> {
  private final AggregateType<?, E, S> type;
  private final Store<String, AggregateEntry<S>> states;
  private final ViewLag lag;
  private ProcessorContext<String, DecodedEvent> context;
  private KeyValueStore<String, AggregateEntry<S>> store;

  AggregateFold(AggregateType<?, E, S> type, Store<String, AggregateEntry<S>> states, ViewLag lag) {
    this.type = type;
    this.states = states;
    this.lag = lag;
  }

  @Override
  public void init(ProcessorContext<String, DecodedEvent> context) {
    this.context = context;
    store = states.in(context);
  }

  @Override
  public void process(Record<String, DecodedEvent> record) {
    DecodedEvent event = record.value();
    AggregateEntry<S> before = store.get(record.key());
    if (before != null && event.version() <= before.version()) {
      // Exactly-once reading makes this impossible; a bug that broke it must not fold twice.
      throw new IllegalStateException(
          "%s %s: event version %d after version %d"
              .formatted(type.name(), record.key(), event.version(), before.version()));
    }
    AggregateEntry<S> entry = AggregateEntry.after(type, before, event);
    store.put(record.key(), entry);
    lag.folded();
    context.forward(record.withValue(event.folded(entry.createdAt(), entry.state())));
  }
}
