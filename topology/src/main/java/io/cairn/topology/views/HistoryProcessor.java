package io.cairn.topology.views;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.UncheckedIOException;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps every event of an aggregate type by aggregate id and version, as the JSON the events
 * endpoint answers with, so an audit trail is a range scan rather than a scan of the topic.
 */
final class HistoryProcessor implements Processor<String, SourcedEvent, Void, Void> {
  private static final ObjectMapper JSON = new ObjectMapper();

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
    store.put(HistoryKey.of(event.aggregateId(), event.version()), entry(event));
  }

  private static byte[] entry(SourcedEvent event) {
    ObjectNode json = JSON.createObjectNode();
    json.put("type", event.name());
    json.put("version", event.version());
    json.put("occurredAt", event.occurredAt().toString());
    // The payload is already JSON (rendered once by the decoder): embed it as is, unparsed.
    json.putRawValue("payload", new RawValue(event.payloadJson()));
    try {
      return JSON.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the history entry of " + event, e);
    }
  }
}
