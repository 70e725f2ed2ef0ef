package io.cairn.kafka.client;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the last committed record of each partition of some topics, as they end now: what a log was
 * last written with. Transaction markers and aborted records take offsets too, so it looks a little
 * way back from the end first, and further only where that finds nothing.
 */
public final class PartitionTails {
  private static final long FIRST_LOOK = 32;
  private static final long WIDER = 16;
  private static final Duration POLL = Duration.ofMillis(200);
  private static final int SMALL_FETCH_BYTES = 16 * 1024;

  private PartitionTails() {}

  /**
   * The last record of each partition of the topics that has one; a topic that does not exist has
   * none.
   */
  public static Map<TopicPartition, ConsumerRecord<byte[], byte[]>> read(
      KafkaConnection kafka, Collection<String> topics, Duration timeout) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka, "cairn-partition-tails")) {
      return new Tails(consumer, partitionsOf(consumer, topics, timeout), timeout).read();
    }
  }

  /**
   * The first committed record of each partition of the topics that has one, as far back as the log
   * still reaches; a topic that does not exist has none.
   */
  public static Map<TopicPartition, ConsumerRecord<byte[], byte[]>> heads(
      KafkaConnection kafka, Collection<String> topics, Duration timeout) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka, "cairn-partition-heads")) {
      List<TopicPartition> partitions = partitionsOf(consumer, topics, timeout);
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, ConsumerRecord<byte[], byte[]>> found = new HashMap<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      Set<TopicPartition> reading = new HashSet<>(partitions);
      while (!reading.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new KafkaOperationException("timed out reading the heads of " + reading, null);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          found.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record);
        }
        for (TopicPartition partition : List.copyOf(reading)) {
          if (found.containsKey(partition) || consumer.position(partition) >= end.get(partition)) {
            consumer.pause(List.of(partition));
            reading.remove(partition);
          }
        }
      }
      return found;
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(KafkaConnection kafka, String clientId) {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    // A record or two is wanted from each partition, not the megabyte a fetch brings by default.
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, SMALL_FETCH_BYTES);
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** The partitions of those of the topics that exist. */
  private static List<TopicPartition> partitionsOf(
      KafkaConsumer<byte[], byte[]> consumer, Collection<String> topics, Duration timeout) {
    Set<String> existing = consumer.listTopics(timeout).keySet();
    return topics.stream()
        .filter(existing::contains)
        .flatMap(topic -> consumer.partitionsFor(topic, timeout).stream())
        .map(info -> new TopicPartition(info.topic(), info.partition()))
        .toList();
  }

  /** One reading, with the offsets it looks between. */
  private static final class Tails {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, Long> begin;
    private final Map<TopicPartition, Long> end;
    private final long deadline;
    private final Map<TopicPartition, ConsumerRecord<byte[], byte[]>> found = new HashMap<>();

    Tails(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Duration t) {
      this.consumer = consumer;
      // Assigned first: read_committed, the offsets asked for note each partition's last stable
      // offset, and warn of any partition not assigned.
      consumer.assign(partitions);
      consumer.pause(partitions);
      this.begin = consumer.beginningOffsets(partitions, t);
      this.end = consumer.endOffsets(partitions, t);
      this.deadline = System.nanoTime() + t.toNanos();
    }

    Map<TopicPartition, ConsumerRecord<byte[], byte[]>> read() {
      Set<TopicPartition> pending = new HashSet<>();
      end.forEach(
          (partition, last) -> {
            if (last > begin.get(partition)) {
              pending.add(partition);
            }
          });
      for (long look = FIRST_LOOK; !pending.isEmpty(); look *= WIDER) {
        readBack(pending, look);
        long reach = look;
        pending.removeIf(p -> found.containsKey(p) || end.get(p) - reach <= begin.get(p));
      }
      return found;
    }

    /** Reads each pending partition from {@code look} records before its end to its end. */
    private void readBack(Set<TopicPartition> pending, long look) {
      for (TopicPartition partition : pending) {
        consumer.seek(partition, Math.max(begin.get(partition), end.get(partition) - look));
      }
      consumer.resume(pending);
      Set<TopicPartition> reading = new HashSet<>(pending);
      while (!reading.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new KafkaOperationException("timed out reading the ends of " + reading, null);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (record.offset() < end.get(partition)) {
            found.put(partition, record);
          }
        }
        for (TopicPartition partition : List.copyOf(reading)) {
          if (consumer.position(partition) >= end.get(partition)) {
            consumer.pause(List.of(partition));
            reading.remove(partition);
          }
        }
      }
    }
  }
}
