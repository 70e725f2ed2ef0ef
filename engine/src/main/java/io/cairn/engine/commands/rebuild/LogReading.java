package io.cairn.engine.commands.rebuild;

import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.client.KafkaOperationException;
import io.cairn.kafka.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;

/**
 * Reads a topic from its start to where it ends when the reading begins, committed records only, in
 * each partition's order, with its serdes; tells how many of its offsets are behind it as it goes.
 * A record its serde cannot read stops the reading, naming where it is.
 */
final class LogReading {
  private static final Duration POLL = Duration.ofMillis(500);

  private LogReading() {}

  /** Told, after each batch, how far a reading has come. */
  @FunctionalInterface
  interface Advance {
    /**
     * @param done how many of the topic's offsets have been read, transaction markers included
     * @param total how many there are to read
     */
    void to(long done, long total);
  }

  /**
   * Hands every record of the topic to the reader.
   *
   * @param advance told how far the reading has come, before the first batch and after each
   */
  static <V> void readAll(
      KafkaConnection kafka,
      Topic<String, V> topic,
      Duration timeout,
      Consumer<ConsumerRecord<String, V>> reader,
      Advance advance) {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "cairn-rebuild-aggregates");
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(
            config, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name(), timeout).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
      consumer.seekToBeginning(partitions);
      while (true) {
        long read = 0;
        boolean caughtUp = true;
        for (TopicPartition partition : partitions) {
          long position = consumer.position(partition, timeout);
          read += Math.min(position, end.get(partition)) - begin.get(partition);
          caughtUp &= position >= end.get(partition);
        }
        advance.to(read, total);
        if (caughtUp) {
          return;
        }
        poll(consumer, end).forEach(reader);
      }
    }
  }

  private static <V> List<ConsumerRecord<String, V>> poll(
      KafkaConsumer<String, V> consumer, Map<TopicPartition, Long> end) {
    try {
      List<ConsumerRecord<String, V>> read = new ArrayList<>();
      for (ConsumerRecord<String, V> record : consumer.poll(POLL)) {
        // Records appended since the reading began are left for the processors.
        if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
          read.add(record);
        }
      }
      return read;
    } catch (RecordDeserializationException e) {
      throw new KafkaOperationException(
          "cannot read %s at offset %d (%s); the rebuild stops rather than leave an event out"
              .formatted(e.topicPartition(), e.offset(), e.getMessage()),
          e);
    }
  }
}
