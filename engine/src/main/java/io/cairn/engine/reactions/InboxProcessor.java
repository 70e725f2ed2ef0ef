package io.cairn.engine.reactions;

import io.cairn.core.reaction.Inbox;
import io.cairn.core.reaction.Send;
import io.cairn.kafka.stores.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each event of an inbox once: the first time its source and id are seen, its mapping's
 * commands are sent and the event remembered, in one transaction; seen again within the retention,
 * it is passed over. The commands' ids and Idempotency-Keys derive from the event's source and id,
 * so even one sent again after the retention is applied once by its aggregates while they remember
 * their keys.
 */
final class InboxProcessor implements Processor<String, InboxEntry, String, SpecificRecord> {
  private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);
  private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

  private final Inbox inbox;
  private final InboxStores stores;
  private final CommandWriter writer;
  private final Clock clock;
  private final Duration retention;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, Long> seen;

  InboxProcessor(
      Inbox inbox, InboxStores stores, CommandWriter writer, Clock clock, Duration retention) {
    this.inbox = inbox;
    this.stores = stores;
    this.writer = writer;
    this.clock = clock;
    this.retention = retention;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.seen = stores.seen().in(context);
    context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> purge(clock.instant()));
  }

  @Override
  public void process(Record<String, InboxEntry> record) {
    InboxEntry entry = record.value();
    if (seen.get(record.key()) != null) {
      log.debug("inbox {} passes over {} again", inbox.name(), record.key());
      return;
    }
    String sender = "inbox:" + inbox.name();
    Cause cause = new Cause(entry.identity(), entry.correlationId(), entry.receivedAt());
    List<Send> sends = inbox.map(entry.event()).orElse(List.of());
    for (int i = 0; i < sends.size(); i++) {
      CommandWriter.Written command =
          writer.write(sends.get(i), cause, sender, i, ReactionHeaders.sentBy(sender));
      context.forward(
          new Record<>(
              command.aggregateId(),
              command.envelope(),
              entry.receivedAt().toEpochMilli(),
              command.headers()));
    }
    seen.put(record.key(), entry.receivedAt().toEpochMilli());
  }

  private void purge(Instant now) {
    long cutoff = now.minus(retention).toEpochMilli();
    Store.purge(seen, (identity, readAt) -> readAt < cutoff);
  }
}
