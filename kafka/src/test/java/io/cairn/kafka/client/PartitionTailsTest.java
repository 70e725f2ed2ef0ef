package io.cairn.kafka.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The last committed record of each partition, on the real broker: behind transaction markers and a
 * long aborted transaction too, and nothing for an empty partition or a topic that does not exist.
 */
@WithRealKafka
class PartitionTailsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void eachPartitionEndsWithItsLastCommittedRecord(KafkaTestCluster cluster) throws Exception {
    String topic = cluster.uniqueName("tails");
    try (Admin admin = Admin.create(cluster.clientProperties())) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    }
    try (KafkaProducer<String, String> plain = producer(cluster, null)) {
      for (int i = 1; i <= 3; i++) {
        plain.send(new ProducerRecord<>(topic, 0, "k" + i, "plain-" + i)).get();
      }
    }
    try (KafkaProducer<String, String> transactional = producer(cluster, topic + "-tx")) {
      transactional.initTransactions();
      for (int round = 1; round <= 40; round++) {
        transactional.beginTransaction();
        transactional.send(new ProducerRecord<>(topic, 1, "r" + round, "committed-" + round));
        transactional.commitTransaction();
      }
      transactional.beginTransaction();
      for (int i = 0; i < 100; i++) {
        transactional.send(new ProducerRecord<>(topic, 1, "a" + i, "aborted-" + i));
      }
      transactional.flush();
      transactional.abortTransaction();
    }

    Map<TopicPartition, ConsumerRecord<byte[], byte[]>> tails =
        PartitionTails.read(
            new KafkaConnection(cluster.bootstrapServers(), Map.of()),
            List.of(topic, cluster.uniqueName("missing")),
            TIMEOUT);

    assertThat(tails).containsOnlyKeys(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
    assertThat(value(tails.get(new TopicPartition(topic, 0)))).isEqualTo("plain-3");
    assertThat(value(tails.get(new TopicPartition(topic, 1))))
        .as("found behind 100 aborted records and their marker")
        .isEqualTo("committed-40");
  }

  private static String value(ConsumerRecord<byte[], byte[]> record) {
    return new String(record.value(), StandardCharsets.UTF_8);
  }

  private static KafkaProducer<String, String> producer(KafkaTestCluster cluster, String txId) {
    Map<String, Object> config = new HashMap<>(cluster.clientProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    if (txId != null) {
      config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, txId);
    }
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }
}
