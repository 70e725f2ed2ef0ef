package io.cairn.engine.views.topology;

import io.cairn.engine.views.stores.DecodedEvent;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Where an event enters the views: decoded into the {@link DecodedEvent} they fold, and without the
 * headers it was appended with. Kafka Streams copies the headers of the record being processed into
 * every changelog and repartition record it writes for it; the CloudEvents headers, which the views
 * have no use for, made each of those records about 250 bytes longer, and their keys were decoded
 * again for each.
 */
final class DecodingProcessor implements Processor<String, SpecificRecord, String, DecodedEvent> {
  private final EventDecoder decoder;
  private ProcessorContext<String, DecodedEvent> context;

  DecodingProcessor(EventDecoder decoder) {
    this.decoder = decoder;
  }

  @Override
  public void init(ProcessorContext<String, DecodedEvent> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    context.forward(
        record.withValue(decoder.decode(record.value())).withHeaders(new RecordHeaders()));
  }
}
