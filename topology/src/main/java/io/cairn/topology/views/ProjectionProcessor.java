package io.cairn.topology.views;

import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** The shell around a {@link Projection}: load the view, fold the event into it, store it. */
final class ProjectionProcessor<V> implements Processor<String, SourcedEvent, Void, Void> {
  private final Projection<V> projection;
  private KeyValueStore<String, V> store;

  ProjectionProcessor(Projection<V> projection) {
    this.projection = projection;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(ViewStores.view(projection.name()));
  }

  @Override
  public void process(Record<String, SourcedEvent> record) {
    String key = projection.storeKey(record.key(), record.value());
    V before = store.get(key);
    V after = projection.evolve(before, record.value());
    if (after != null && !Objects.equals(before, after)) {
      store.put(key, after);
    }
  }
}
