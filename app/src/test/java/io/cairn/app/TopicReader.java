package io.cairn.app;

import io.cairn.testkit.KafkaTestCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic of the shared test broker from its beginning to its end as any consumer of the
 * contract does, committed records only. Records the deserializer cannot read are passed over, as
 * Cairn's own readers do: other test classes write some (SchemaEvolutionTest, ReactionsTest).
 */
public final class TopicReader {
  private TopicReader() {}

  /** Every committed record of the topic, in each partition's order. */
  public static List<ConsumerRecord<String, Object>> readAll(
      KafkaTestCluster kafka, String topic, Deserializer<Object> values) {
    List<ConsumerRecord<String, Object>> records = new ArrayList<>();
    try (KafkaConsumer<String, Object> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            values)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        poll(consumer).forEach(records::add);
      }
    }
    return records;
  }

  private static ConsumerRecords<String, Object> poll(KafkaConsumer<String, Object> consumer) {
    try {
      return consumer.poll(Duration.ofMillis(200));
    } catch (RecordDeserializationException e) {
      // Newer types (SchemaEvolutionTest) and garbage (ReactionsTest) are passed over, as Cairn's
      // own readers pass over them into the dead-letter queue.
      consumer.seek(e.topicPartition(), e.offset() + 1);
      return ConsumerRecords.empty();
    }
  }
}
