package io.cairn.engine.commands;

import io.cairn.avro.replies.ReplyError;
import io.cairn.engine.reactions.Reactions;
import io.cairn.engine.streams.DeadLetter;
import io.cairn.kafka.topics.Topic;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The dead letters a command processor writes itself, for what goes wrong after its input was read
 * well: a command a policy or another service's event sent that a rule refused, and a reaction that
 * threw on an appended event. Each is written in the bytes its own topic holds.
 */
final class DeadLetterWriter {
  private final String queue;
  private final String application;
  private final Topic<String, SpecificRecord> commands;
  private final Topic<String, SpecificRecord> events;

  DeadLetterWriter(
      String queue,
      String application,
      Topic<String, SpecificRecord> commands,
      Topic<String, SpecificRecord> events) {
    this.queue = queue;
    this.application = application;
    this.commands = commands;
    this.events = events;
  }

  /** A command a reaction sent that was refused: retried, it is sent again as it was. */
  Output.Raw rejected(
      String aggregateId,
      SpecificRecord command,
      Headers headers,
      Optional<RecordMetadata> read,
      ReplyError error,
      Instant at) {
    ProducerRecord<byte[], byte[]> original = commands.record(aggregateId, command);
    DeadLetter.Origin origin =
        new DeadLetter.Origin(
            application,
            commands.name(),
            read.map(RecordMetadata::partition).orElse(-1),
            read.map(RecordMetadata::offset).orElse(-1L));
    return new Output.Raw(
        DeadLetter.of(
            queue,
            origin,
            original.key(),
            original.value(),
            headers,
            "rejected:" + error.getCode(),
            null,
            error.getMessage(),
            at));
  }

  /**
   * An appended event a reaction threw on. The event stands in its log; the entry says which
   * reaction failed on it.
   */
  Output.Raw failed(
      String aggregateId,
      SpecificRecord event,
      Headers headers,
      Reactions.Failure failure,
      Instant at) {
    ProducerRecord<byte[], byte[]> original = events.record(aggregateId, event);
    return new Output.Raw(
        DeadLetter.of(
            queue,
            new DeadLetter.Origin(application, events.name(), -1, -1),
            original.key(),
            original.value(),
            headers,
            "failed",
            failure.error(),
            failure.reaction() + ": " + failure.error().getMessage(),
            at));
  }
}
