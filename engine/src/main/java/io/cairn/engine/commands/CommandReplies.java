package io.cairn.engine.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.avro.json.AvroJson;
import io.cairn.avro.replies.CommandReply;
import io.cairn.avro.replies.ReplyError;
import io.cairn.avro.replies.ReplyEvent;
import io.cairn.avro.replies.ReplyOutcome;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds the reply to a command, for the gateway instance that waits for it. */
final class CommandReplies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String aggregateType;

  CommandReplies(String aggregateType) {
    this.aggregateType = aggregateType;
  }

  /** Where the command was read from, for the reply's consistency token. */
  record Origin(int partition, long offset, Instant processedAt, ByteBuffer requestHash) {}

  CommandReply accepted(
      IncomingCommand command, long version, List<EventRecords.Appended> events, Origin origin) {
    List<ReplyEvent> replyEvents =
        events.stream()
            .map(
                e ->
                    new ReplyEvent(
                        e.eventName(), e.version(), e.occurredAt(), AvroJson.text(e.payload())))
            .toList();
    return reply(command, ReplyOutcome.ACCEPTED, version, replyEvents, null, origin);
  }

  CommandReply rejected(
      IncomingCommand command,
      long version,
      String code,
      String message,
      Map<String, Object> details,
      Origin origin) {
    return reply(
        command,
        ReplyOutcome.REJECTED,
        version,
        List.of(),
        new ReplyError(code, message, json(details)),
        origin);
  }

  CommandReply conflict(IncomingCommand command, long actual, Origin origin) {
    String message =
        "The aggregate is at version " + actual + ", not " + command.expectedVersion() + ".";
    Map<String, Object> details = Map.of("expected", command.expectedVersion(), "actual", actual);
    return reply(
        command,
        ReplyOutcome.VERSION_CONFLICT,
        actual,
        List.of(),
        new ReplyError("version_conflict", message, json(details)),
        origin);
  }

  CommandReply keyReused(IncomingCommand command, long version, Origin origin) {
    String message =
        "The Idempotency-Key "
            + command.idempotencyKey()
            + " was used for another command on this aggregate.";
    return reply(
        command,
        ReplyOutcome.IDEMPOTENCY_KEY_REUSED,
        version,
        List.of(),
        new ReplyError("idempotency_key_reused", message, "{}"),
        origin);
  }

  /** The first answer again, addressed to the retry that asked for it. */
  static CommandReply replay(CommandReply first, IncomingCommand retry) {
    return CommandReply.newBuilder(first)
        .setCommandId(retry.commandId())
        .setReplayed(true)
        .setFirstCommandId(first.getCommandId())
        .build();
  }

  private CommandReply reply(
      IncomingCommand command,
      ReplyOutcome outcome,
      long version,
      List<ReplyEvent> events,
      ReplyError error,
      Origin origin) {
    return CommandReply.newBuilder()
        .setCommandId(command.commandId())
        .setAggregateType(aggregateType)
        .setAggregateId(command.aggregateId())
        .setOutcome(outcome)
        .setVersion(version)
        .setEvents(events)
        .setError(error)
        .setReplayed(false)
        .setFirstCommandId(null)
        .setRequestHash(origin.requestHash())
        .setProcessedAt(origin.processedAt())
        .setCommandPartition(origin.partition())
        .setCommandOffset(origin.offset())
        .build();
  }

  private static String json(Map<String, Object> details) {
    try {
      return JSON.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write error details as JSON", e);
    }
  }
}
