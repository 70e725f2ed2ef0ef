package io.cairn.engine.commands;

import io.cairn.avro.replies.CommandReply;
import io.cairn.avro.replies.ReplyError;
import io.cairn.avro.replies.ReplyOutcome;
import io.cairn.core.aggregate.Aggregate;
import io.cairn.engine.reactions.CommandWriter;
import io.cairn.engine.reactions.ProcessInput;
import io.cairn.engine.reactions.ReactionHeaders;
import io.cairn.engine.reactions.Reactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * What a command processor forwards beside the events, state and reply: the commands its policies
 * send, the messages its process managers hear and the integration events it publishes, on an
 * appended event; the outcome for the process that sent the command; and the dead letters of what a
 * reaction could not do.
 */
final class ReactionOutputs {
  private final String aggregateType;
  private final Reactions reactions;
  private final DeadLetterWriter deadLetters;

  ReactionOutputs(String aggregateType, Reactions reactions, DeadLetterWriter deadLetters) {
    this.aggregateType = aggregateType;
    this.reactions = reactions;
    this.deadLetters = deadLetters;
  }

  /** What an appended event causes. */
  List<Record<String, Output>> appended(
      Object event, Aggregate<?> after, EventRecords.Appended appended, IncomingCommand command) {
    Reactions.Caused caused =
        reactions.onAppended(
            aggregateType, event, after, appended.eventId(), command.correlationId());
    long at = after.updatedAt().toEpochMilli();
    List<Record<String, Output>> out = new ArrayList<>();
    for (CommandWriter.Written sent : caused.commands()) {
      out.add(
          new Record<>(
              sent.aggregateId(), new Output.Command(sent.envelope()), at, sent.headers()));
    }
    for (ProcessInput input : caused.inputs()) {
      out.add(
          new Record<>(input.processId(), new Output.ToProcess(input), at, new RecordHeaders()));
    }
    for (ProducerRecord<byte[], byte[]> published : caused.published()) {
      out.add(new Record<>(after.id(), new Output.Raw(published), at, published.headers()));
    }
    for (Reactions.Failure failure : caused.failures()) {
      SpecificRecord envelope = (SpecificRecord) appended.envelope();
      Output.Raw dead =
          deadLetters.failed(after.id(), envelope, appended.headers(), failure, after.updatedAt());
      out.add(new Record<>(after.id(), dead, at, dead.record().headers()));
    }
    return out;
  }

  /** What the answer to a command a reaction sent causes. */
  List<Record<String, Output>> answered(
      CommandReply reply,
      IncomingCommand command,
      Record<String, SpecificRecord> record,
      Optional<RecordMetadata> read) {
    long at = reply.getProcessedAt().toEpochMilli();
    ReplyError error = reply.getError();
    Optional<ReactionHeaders.ReturnAddress> process =
        ReactionHeaders.returnAddress(record.headers());
    if (process.isPresent()) {
      ProcessInput outcome =
          Reactions.outcome(
              process.get(),
              error == null ? null : error.getCode(),
              error == null ? null : error.getMessage(),
              reply.getCommandId(),
              command.correlationId(),
              reply.getProcessedAt());
      return List.of(
          new Record<>(
              outcome.processId(), new Output.ToProcess(outcome), at, new RecordHeaders()));
    }
    boolean sentByReaction = ReactionHeaders.sender(record.headers()).isPresent();
    if (sentByReaction
        && reply.getOutcome() != ReplyOutcome.ACCEPTED
        && !reply.getReplayed()
        && error != null) {
      Output.Raw dead =
          deadLetters.rejected(
              record.key(), record.value(), record.headers(), read, error, reply.getProcessedAt());
      return List.of(new Record<>(record.key(), dead, at, dead.record().headers()));
    }
    return List.of();
  }
}
