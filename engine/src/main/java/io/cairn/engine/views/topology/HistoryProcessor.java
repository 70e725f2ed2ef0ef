package io.cairn.engine.views.topology;

import io.cairn.engine.views.stores.DecodedEvent;
import io.cairn.engine.views.stores.HistoryEntry;
import io.cairn.engine.views.stores.OrderedKey;
import io.cairn.kafka.stores.Store;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps every event of an aggregate type by aggregate id and version, as a {@link HistoryEntry}, so
 * an audit trail is a range scan rather than a scan of the topic, and an aggregate can be folded as
 * of any instant, however old.
 */
final class HistoryProcessor implements Processor<String, DecodedEvent, Void, Void> {
  private final Store<Bytes, byte[]> history;
  private KeyValueStore<Bytes, byte[]> store;

  HistoryProcessor(Store<Bytes, byte[]> history) {
    this.history = history;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = history.in(context);
  }

  @Override
  public void process(Record<String, DecodedEvent> record) {
    DecodedEvent event = record.value();
    store.put(OrderedKey.of(event.aggregateId(), event.version()), HistoryEntry.encode(event));
  }
}
