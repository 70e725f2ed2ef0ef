package io.cairn.kafka.topics;

import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.client.PartitionTails;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Checks, before the contract's schemas are registered, that the records at both ends of each
 * contract topic name schemas the registry still holds, under the record names the topic carries. A
 * registry whose log ({@code _schemas}) was lost starts again from id 1 and would give the existing
 * ids to other schemas as the contract is registered: every reader of the log would then misread
 * it. Caught here, start-up stops before registering anything, and the export of the registry can
 * be imported with its ids.
 */
public final class LoggedSchemas {
  private static final byte MAGIC = 0;
  private static final int HEADER = 5;

  private LoggedSchemas() {}

  /**
   * What is wrong with the schema ids at the ends of the contract's topics; empty when nothing is.
   *
   * @param bySubject each contract subject ({@code <topic>-value}) with its schema
   */
  public static List<String> problems(
      KafkaConnection kafka,
      SchemaRegistryClient registry,
      Map<String, Schema> bySubject,
      Duration timeout) {
    Map<String, String> namesByTopic = new HashMap<>();
    bySubject.forEach(
        (subject, schema) ->
            namesByTopic.put(subject.replaceFirst("-value$", ""), schema.getFullName()));
    List<ConsumerRecord<byte[], byte[]>> ends = new ArrayList<>();
    ends.addAll(PartitionTails.heads(kafka, namesByTopic.keySet(), timeout).values());
    ends.addAll(PartitionTails.read(kafka, namesByTopic.keySet(), timeout).values());
    List<String> problems = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : ends) {
      String expected = namesByTopic.get(record.topic());
      problem(record, expected, registry).ifPresent(problems::add);
    }
    return problems.stream().distinct().sorted().toList();
  }

  /**
   * Stops start-up when the log was written with schemas the registry no longer holds as they were.
   *
   * @throws LostSchemas naming each record found so
   */
  public static void require(
      KafkaConnection kafka,
      SchemaRegistryClient registry,
      Map<String, Schema> bySubject,
      Duration timeout) {
    List<String> problems = problems(kafka, registry, bySubject, timeout);
    if (!problems.isEmpty()) {
      throw new LostSchemas(problems);
    }
  }

  /** The registry lost, or gave to others, schemas the log was written with. */
  public static final class LostSchemas extends RuntimeException {
    LostSchemas(List<String> problems) {
      super(
          "the schema registry does not hold the schemas the topics were written with, as if its"
              + " log (registry.topic) was lost or replaced. Registering the contract now would"
              + " give their ids to other schemas, so nothing was registered. Import the"
              + " registry's export with its ids first, then start again:\n  - "
              + String.join("\n  - ", problems));
    }
  }

  private static Optional<String> problem(
      ConsumerRecord<byte[], byte[]> record, String expected, SchemaRegistryClient registry) {
    byte[] value = record.value();
    String where =
        new TopicPartition(record.topic(), record.partition()) + " at offset " + record.offset();
    if (value == null || value.length < HEADER || value[0] != MAGIC) {
      return Optional.empty(); // not in the wire format: not a registry's concern
    }
    int id = ByteBuffer.wrap(value, 1, 4).getInt();
    Schema found;
    try {
      found = registry.schemaById(id);
    } catch (RuntimeException e) {
      return Optional.of(
          "%s was written with schema id %d, which the registry cannot give (%s)"
              .formatted(where, id, e.getMessage()));
    }
    if (!found.getFullName().equals(expected)) {
      return Optional.of(
          "%s was written with schema id %d, which the registry now gives to %s rather than %s"
              .formatted(where, id, found.getFullName(), expected));
    }
    return Optional.empty();
  }
}
