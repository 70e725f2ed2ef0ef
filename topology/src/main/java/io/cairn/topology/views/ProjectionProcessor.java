package io.cairn.topology.views;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The shell around a {@link Projection}: load the entry, fold the event into its view, store it
 * with the event's version noted, so read-your-writes sees every event, even one that changed
 * nothing.
 */
final class ProjectionProcessor<V> implements Processor<String, SourcedEvent, Void, Void> {
  private final Projection<V> projection;
  private final ViewLag lag;
  private KeyValueStore<String, Stamped<V>> store;

  ProjectionProcessor(Projection<V> projection, ViewLag lag) {
    this.projection = projection;
    this.lag = lag;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(ViewStores.view(projection.name()));
  }

  @Override
  public void process(Record<String, SourcedEvent> record) {
    String key = projection.storeKey(record.key(), record.value());
    Stamped<V> before = store.get(key);
    Stamped<V> entry = before == null ? Stamped.empty() : before;
    V after = projection.evolve(entry.view(), record.value());
    store.put(key, entry.after(after == null ? entry.view() : after, record.value()));
    lag.record(projection.name(), record.value().occurredAt());
  }
}
