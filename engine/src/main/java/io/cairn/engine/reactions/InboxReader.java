package io.cairn.engine.reactions;

import io.cairn.core.reaction.InboundEvent;
import io.cairn.core.reaction.Inbox;
import io.cairn.engine.streams.RefusedRecord;
import java.time.Clock;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Reads the events another service sent to an inbox and checks that the inbox takes them, keying
 * each by its source and id for the partition that applies it once. An event that is not a
 * CloudEvent, of a type the inbox does not take, or whose data its mapping refuses is refused into
 * the dead-letter queue with the reason, and can be retried from there once fixed.
 */
final class InboxReader implements Processor<byte[], byte[], String, InboxEntry> {
  private final Inbox inbox;
  private final CloudEventReader reader;
  private final Clock clock;
  private ProcessorContext<String, InboxEntry> context;

  InboxReader(Inbox inbox, CloudEventReader reader, Clock clock) {
    this.inbox = inbox;
    this.reader = reader;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, InboxEntry> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("inbox");
    InboxEntry entry = reader.read(topic, record.headers(), record.value(), clock.instant());
    check(entry.event());
    context.forward(new Record<>(entry.identity(), entry, record.timestamp(), new RecordHeaders()));
  }

  private void check(InboundEvent event) {
    try {
      if (inbox.map(event).isEmpty()) {
        throw new RefusedRecord(
            "unknown_type",
            "inbox " + inbox.name() + " takes " + inbox.types() + ", not " + event.type());
      }
    } catch (IllegalArgumentException e) {
      throw new RefusedRecord(
          "invalid_event", event.type() + " " + event.id() + ": " + e.getMessage());
    }
  }
}
