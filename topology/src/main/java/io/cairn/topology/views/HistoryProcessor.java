package io.cairn.topology.views;

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
final class HistoryProcessor implements Processor<String, SourcedEvent, Void, Void> {
  private final String storeName;
  private KeyValueStore<Bytes, byte[]> store;

  HistoryProcessor(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, SourcedEvent> record) {
    SourcedEvent event = record.value();
    store.put(OrderedKey.of(event.aggregateId(), event.version()), HistoryEntry.encode(event));
  }
}
