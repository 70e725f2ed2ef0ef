package io.cairn.engine.commands.rebuild;

import io.cairn.engine.commands.CommandProcessors;
import io.cairn.engine.commands.Snapshot;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.client.PartitionTails;
import io.cairn.kafka.topics.ContractTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Tells, before the command processors start, whether an aggregate type's store of snapshots trails
 * what the processors wrote. They write each snapshot to the store's changelog and to the type's
 * state topic in one transaction, so each partition of the two ends with the same aggregate at the
 * same version. A changelog that was lost or cut ends otherwise, and processing commands on the
 * store restored from it would append versions the event log already holds.
 */
public final class StoreCheck {
  private final KafkaConnection kafka;
  private final ContractTopics topics;
  private final Duration timeout;

  /** A check of the stores against the topics of this cluster. */
  public StoreCheck(KafkaConnection kafka, ContractTopics topics, Duration timeout) {
    this.kafka = kafka;
    this.topics = topics;
    this.timeout = timeout;
  }

  /**
   * A partition of an aggregate type whose store trails its log.
   *
   * @param type the aggregate type
   * @param partition the partition
   * @param why what its store and its state topic end with
   */
  public record Trailing(String type, int partition, String why) {
    /** The finding as a log line or an answer says it. */
    public String describe() {
      return type + " partition " + partition + " (" + why + ")";
    }
  }

  /**
   * Why the command processors must not start, if they must not: the partitions whose stores trail
   * their logs, and what to do.
   */
  public Optional<String> hold(List<BoundAggregate<?, ?, ?>> aggregates) {
    List<Trailing> trailing = trailing(aggregates);
    if (trailing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "the write side's stores trail their event log, so commands would append versions it"
            + " already holds: "
            + String.join("; ", trailing.stream().map(Trailing::describe).toList())
            + ". Stop Cairn, run `bin/cairn rebuild-aggregates` with the same settings, and start"
            + " it again.");
  }

  /** Every partition whose store trails its log; empty when all are in step. */
  public List<Trailing> trailing(List<BoundAggregate<?, ?, ?>> aggregates) {
    List<String> read = new ArrayList<>();
    for (BoundAggregate<?, ?, ?> aggregate : aggregates) {
      read.add(CommandProcessors.aggregatesChangelog(aggregate.name()));
      read.add(topics.declared().state(aggregate.name()).name());
    }
    Map<TopicPartition, ConsumerRecord<byte[], byte[]>> tails =
        PartitionTails.read(kafka, read, timeout);
    List<Trailing> found = new ArrayList<>();
    for (BoundAggregate<?, ?, ?> aggregate : aggregates) {
      String state = topics.declared().state(aggregate.name()).name();
      String changelog = CommandProcessors.aggregatesChangelog(aggregate.name());
      tails.forEach(
          (partition, last) -> {
            if (partition.topic().equals(state)) {
              ConsumerRecord<byte[], byte[]> saved =
                  tails.get(new TopicPartition(changelog, partition.partition()));
              compare(aggregate.name(), partition.partition(), saved, last).ifPresent(found::add);
            }
          });
    }
    return found;
  }

  private Optional<Trailing> compare(
      String type,
      int partition,
      ConsumerRecord<byte[], byte[]> saved,
      ConsumerRecord<byte[], byte[]> published) {
    Ending state = ending(topics.declared().state(type).name(), published);
    if (saved == null) {
      return Optional.of(new Trailing(type, partition, "its store is empty, while " + state));
    }
    Ending store = ending(CommandProcessors.aggregatesChangelog(type), saved);
    if (store.id().equals(state.id()) && store.version() >= state.version()) {
      return Optional.empty();
    }
    return Optional.of(new Trailing(type, partition, store + ", while " + state));
  }

  private Ending ending(String topic, ConsumerRecord<byte[], byte[]> record) {
    Deserializer<?> values = topics.storeSerde().deserializer();
    IndexedRecord snapshot = (IndexedRecord) values.deserialize(topic, record.value());
    return new Ending(
        topic, new String(record.key(), StandardCharsets.UTF_8), Snapshot.versionOf(snapshot));
  }

  /** What a partition of a topic of snapshots ends with. */
  private record Ending(String topic, String id, long version) {
    @Override
    public String toString() {
      return topic + " ends with " + id + " at version " + version;
    }
  }
}
