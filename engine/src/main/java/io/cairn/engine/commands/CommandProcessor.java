package io.cairn.engine.commands;

import io.cairn.avro.personal.KeyVault;
import io.cairn.avro.replies.CommandReply;
import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.aggregate.Decision;
import io.cairn.core.aggregate.ErasesPersonalData;
import io.cairn.engine.deadletters.DeadLetterQueue;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.engine.mapping.RecordMapper;
import io.cairn.kafka.topics.CommandHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The shell around an aggregate's decider: load the state, check the Idempotency-Key and If-Match,
 * decide, evolve, put the new state, and forward the events, the snapshot and the reply, all in the
 * task's exactly-once transaction. One partition is one thread, so commands to one aggregate are
 * processed one at a time: no locks, no lost updates.
 */
final class CommandProcessor<C, E, S> implements Processor<String, SpecificRecord, String, Output> {
  private static final Logger log = LoggerFactory.getLogger(CommandProcessor.class);
  private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

  private final BoundAggregate<C, E, S> aggregate;
  private final WriteStores stores;
  private final Clock clock;
  private final Duration retention;
  private final RecordMapper mapper = new RecordMapper();
  private final CommandReplies replies;
  private final EventRecords events;
  private final ReactionOutputs reactions;
  private final Optional<KeyVault> vault;
  private ProcessorContext<String, Output> context;
  private KeyValueStore<String, SpecificRecord> aggregates;
  private IdempotencyLedger ledger;

  CommandProcessor(
      BoundAggregate<C, E, S> aggregate,
      WriteStores stores,
      ReactionOutputs reactions,
      Clock clock,
      Duration retention,
      Optional<KeyVault> vault) {
    this.aggregate = aggregate;
    this.vault = vault;
    this.reactions = reactions;
    this.stores = stores;
    this.clock = clock;
    this.retention = retention;
    this.replies = new CommandReplies(aggregate.name());
    this.events = new EventRecords(aggregate, mapper);
  }

  @Override
  public void init(ProcessorContext<String, Output> context) {
    this.context = context;
    this.aggregates = stores.aggregates().in(context);
    this.ledger = new IdempotencyLedger(stores.idempotency().in(context), retention);
    context.schedule(
        PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> ledger.purge(clock.instant()));
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    IncomingCommand command = IncomingCommand.of(record.value());
    Snapshot<S> current = Snapshot.load(aggregates.get(record.key()), aggregate, mapper);
    CommandReplies.Origin origin = origin(command);
    String key = idempotencyKey(command, record);
    Optional<CommandReply> first =
        key == null ? Optional.empty() : ledger.find(command.aggregateId(), key);
    if (first.isPresent()) {
      boolean same = first.get().getRequestHash().equals(origin.requestHash());
      reply(
          same
              ? CommandReplies.replay(first.get(), command)
              : replies.keyReused(command, current.version(), origin),
          command,
          record);
      return;
    }
    CommandReply reply = handle(command, CustomerConfinement.of(record), current, origin);
    if (key != null) {
      ledger.remember(command.aggregateId(), key, reply);
    }
    reply(reply, command, record);
  }

  private CommandReply forbidden(IncomingCommand command, CommandReplies.Origin origin) {
    return replies.rejected(
        command,
        0,
        CommandHeaders.FORBIDDEN,
        "A customer may send this only to what is its own.",
        Map.of(),
        origin);
  }

  /** Logs with the command's ids in the MDC, under the keys the HTTP edge gives them. */
  private void logFailure(IncomingCommand command, RuntimeException e) {
    try (var commandId = MDC.putCloseable("command_id", command.commandId());
        var correlationId = MDC.putCloseable("correlation_id", command.correlationId())) {
      log.error(
          "Command {} to {} {} failed",
          command.commandId(),
          aggregate.name(),
          command.aggregateId(),
          e);
    }
  }

  private CommandReply handle(
      IncomingCommand command,
      Optional<CustomerConfinement> confinement,
      Snapshot<S> current,
      CommandReplies.Origin origin) {
    Decision<E> decision;
    try {
      C decoded = mapper.fromAvro(command.payload(), aggregate.type().commands());
      // First, so that a customer refused another's aggregate learns nothing of it.
      if (confinement.isPresent()
          && !confinement
              .get()
              .allows(aggregate.type(), command.aggregateId(), decoded, current.state())) {
        return forbidden(command, origin);
      }
      if (command.expectedVersion() != null && command.expectedVersion() != current.version()) {
        return replies.conflict(command, current.version(), origin);
      }
      decision = aggregate.type().decider().decide(decoded, current.state());
    } catch (RuntimeException e) {
      // A bug in one command must not stop the partition: answer, append nothing, keep going.
      logFailure(command, e);
      return replies.rejected(
          command,
          current.version(),
          "command_failed",
          "The command could not be processed.",
          Map.of(),
          origin);
    }
    return switch (decision) {
      case Decision.Rejected<E> rejected ->
          replies.rejected(
              command,
              current.version(),
              rejected.rule(),
              rejected.message(),
              rejected.details(),
              origin);
      case Decision.Accepted<E> accepted -> append(command, current, accepted.events(), origin);
    };
  }

  private CommandReply append(
      IncomingCommand command, Snapshot<S> current, List<E> decided, CommandReplies.Origin origin) {
    long version = current.version();
    S state = current.state();
    Instant now = origin.processedAt();
    List<EventRecords.Appended> appended = new ArrayList<>();
    for (E event : decided) {
      version++;
      state = aggregate.type().decider().evolve(state, event);
      EventRecords.Appended record = events.append(event, command, version, now);
      appended.add(record);
      context.forward(
          new Record<>(
              command.aggregateId(),
              new Output.Event((SpecificRecord) record.envelope()),
              now.toEpochMilli(),
              record.headers()));
      Aggregate<S> after = new Aggregate<>(command.aggregateId(), version, null, now, state);
      reactions.appended(event, after, record, command).forEach(context::forward);
      if (event instanceof ErasesPersonalData) {
        erase(command);
      }
    }
    if (!appended.isEmpty()) {
      SpecificRecord snapshot =
          (SpecificRecord) new Snapshot<>(version, state).toAvro(command, now, aggregate, mapper);
      aggregates.put(command.aggregateId(), snapshot);
      context.forward(
          new Record<>(
              command.aggregateId(),
              new Output.State(snapshot),
              now.toEpochMilli(),
              new RecordHeaders()));
    }
    return replies.accepted(command, version, appended, origin);
  }

  /**
   * Deletes the aggregate's keys now, before the transaction that appends the erasure commits: a
   * replay after a crash decides the same and deletes nothing more, and nothing ever reads what was
   * sealed with them again.
   */
  private void erase(IncomingCommand command) {
    vault.ifPresent(
        keys -> {
          keys.erase(command.aggregateId());
          log.info("Erased the personal data of {} {}", aggregate.name(), command.aggregateId());
        });
  }

  private void reply(
      CommandReply reply, IncomingCommand command, Record<String, SpecificRecord> record) {
    context.forward(
        new Record<>(
            reply.getAggregateId(),
            new Output.Reply(reply),
            reply.getProcessedAt().toEpochMilli(),
            new RecordHeaders()));
    reactions.answered(reply, command, record, context.recordMetadata()).forEach(context::forward);
  }

  /**
   * The command's Idempotency-Key, made new for a retry from the dead-letter queue, whose first
   * answer was the refusal that put it there; a second retry of one entry is still answered once.
   */
  private static String idempotencyKey(
      IncomingCommand command, Record<String, SpecificRecord> record) {
    String key = command.idempotencyKey();
    Header retry = record.headers().lastHeader(DeadLetterQueue.RETRY);
    return key == null || retry == null
        ? key
        : key + "#retry:" + new String(retry.value(), StandardCharsets.UTF_8);
  }

  private CommandReplies.Origin origin(IncomingCommand command) {
    Optional<RecordMetadata> metadata = context.recordMetadata();
    ByteBuffer hash =
        command.idempotencyKey() == null ? null : IdempotencyLedger.requestHash(command.payload());
    return new CommandReplies.Origin(
        metadata.map(RecordMetadata::partition).orElse(-1),
        metadata.map(RecordMetadata::offset).orElse(-1L),
        clock.instant(),
        hash);
  }
}
