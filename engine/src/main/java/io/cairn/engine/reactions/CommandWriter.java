package io.cairn.engine.reactions;

import io.cairn.core.reaction.Send;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.engine.mapping.RecordMapper;
import io.cairn.kafka.topics.CairnTopics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Writes the commands reactions send as the command envelopes of their aggregate types, as the
 * gateway writes those sent over HTTP. A command's id and Idempotency-Key derive from its cause,
 * its sender and its place among the commands the cause sent, so a cause read again sends the same
 * command, which its processor answers once.
 */
public final class CommandWriter {
  private final Map<String, BoundAggregate<?, ?, ?>> aggregates;
  private final CairnTopics topics;
  private final RecordMapper mapper = new RecordMapper();

  /**
   * @param aggregates the aggregate types commands can be sent to
   * @param topics the topic names
   */
  public CommandWriter(List<BoundAggregate<?, ?, ?>> aggregates, CairnTopics topics) {
    this.aggregates =
        aggregates.stream().collect(Collectors.toMap(BoundAggregate::name, Function.identity()));
    this.topics = topics;
  }

  /**
   * A command to send.
   *
   * @param topic the commands topic of its aggregate type
   * @param aggregateId its key
   * @param envelope the command envelope
   * @param headers the headers naming its sender
   */
  public record Written(
      String topic, String aggregateId, SpecificRecord envelope, Headers headers) {}

  /**
   * The record of a command.
   *
   * @param send the command
   * @param cause what caused it
   * @param sender who sends it: {@code policy:<name>}, {@code process:<name>}, ...
   * @param index its place among the commands its cause made the sender send
   * @param headers its headers
   * @throws IllegalArgumentException when its aggregate type is not one this app runs
   */
  public Written write(Send send, Cause cause, String sender, int index, Headers headers) {
    BoundAggregate<?, ?, ?> target = aggregates.get(send.type().name());
    if (target == null) {
      throw new IllegalArgumentException(
          sender + " sent a command to " + send.type().name() + ", which this app does not run");
    }
    String key = sender + ":" + cause.id() + ":" + index;
    Schema schema = target.envelopes().command();
    IndexedRecord envelope = mapper.newRecord(schema);
    envelope.put(schema.getField("commandId").pos(), commandId(key));
    envelope.put(schema.getField("aggregateId").pos(), send.aggregateId());
    envelope.put(schema.getField("expectedVersion").pos(), null);
    envelope.put(schema.getField("issuedAt").pos(), cause.at());
    envelope.put(schema.getField("correlationId").pos(), cause.correlationId());
    envelope.put(schema.getField("idempotencyKey").pos(), key);
    envelope.put(schema.getField("causationId").pos(), cause.id());
    envelope.put(schema.getField("actor").pos(), sender);
    envelope.put(
        schema.getField("payload").pos(),
        mapper.toAvro(send.command(), target.envelopes().commands()));
    return new Written(
        topics.commands(target.name()).name(),
        send.aggregateId(),
        (SpecificRecord) envelope,
        headers);
  }

  private static String commandId(String key) {
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
