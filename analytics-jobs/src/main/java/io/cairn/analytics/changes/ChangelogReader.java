package io.cairn.analytics.changes;

import io.cairn.analytics.ReportStores;
import io.cairn.core.report.Report;
import io.cairn.kafka.client.KafkaConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A consumer of one report's changelog, committed records only, that commits nothing and turns
 * records into window changes. A position past a partition's end, as after a rebuild that started
 * the changelog again, reads that partition from its start.
 */
final class ChangelogReader implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Report<?, ?> report;
  private final Deserializer<?> windows;
  private final String topic;

  ChangelogReader(KafkaConnection kafka, Report<?, ?> report, String topic) {
    Map<String, Object> config = kafka.clientConfig();
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.report = report;
    this.windows = ReportStores.windows(report).valueSerde().deserializer();
    this.topic = topic;
  }

  /** Assigns every partition of the changelog, each at the position's offset. */
  FeedPosition assign(FeedPosition position) {
    List<TopicPartition> partitions = partitions();
    consumer.assign(partitions);
    partitions.forEach(p -> consumer.seek(p, position.of(p.partition())));
    return position(partitions);
  }

  /** Assigns every partition of the changelog at its end, and says where that is. */
  FeedPosition assignAtEnd() {
    List<TopicPartition> partitions = partitions();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    return position(partitions);
  }

  private FeedPosition position(List<TopicPartition> partitions) {
    Map<Integer, Long> next = new TreeMap<>();
    partitions.forEach(p -> next.put(p.partition(), consumer.position(p)));
    return new FeedPosition(next);
  }

  private List<TopicPartition> partitions() {
    List<TopicPartition> partitions = new ArrayList<>();
    consumer
        .partitionsFor(topic)
        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    if (partitions.isEmpty()) {
      throw new IllegalStateException(topic + " does not exist yet");
    }
    return partitions;
  }

  /** The changes read in one poll; windows dropped for age are left out. */
  List<WindowChange> poll(Duration wait) {
    List<WindowChange> changes = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(wait)) {
      if (record.value() == null || record.key() == null) {
        continue;
      }
      String slot = new String(record.key(), StandardCharsets.UTF_8);
      changes.add(
          new WindowChange(
              record.partition(),
              record.offset(),
              ReportStores.keyOf(report, slot),
              ReportStores.startOf(report, slot),
              windows.deserialize(topic, record.value())));
    }
    return changes;
  }

  /** Whether every assigned partition has been read up to the offset the position names. */
  boolean reached(FeedPosition position) {
    return consumer.assignment().stream()
        .allMatch(p -> consumer.position(p) >= position.of(p.partition()));
  }

  /** Makes a poll in progress return at once, from another thread. */
  void wakeup() {
    consumer.wakeup();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
