package io.cairn.topology.views;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Where an event enters the views: decoded into the {@link SourcedEvent} they fold, and without the
 * headers it was appended with. Kafka Streams copies the headers of the record being processed into
 * every changelog and repartition record it writes for it; the CloudEvents headers, which the views
 * have no use for, made each of those records about 250 bytes longer, and their keys were decoded
 * again for each.
 */
final class EventIntake implements Processor<String, SpecificRecord, String, SourcedEvent> {
  private final EventDecoder decoder;
  private ProcessorContext<String, SourcedEvent> context;

  EventIntake(EventDecoder decoder) {
    this.decoder = decoder;
  }

  @Override
  public void init(ProcessorContext<String, SourcedEvent> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    context.forward(
        record.withValue(decoder.decode(record.value())).withHeaders(new RecordHeaders()));
  }
}
