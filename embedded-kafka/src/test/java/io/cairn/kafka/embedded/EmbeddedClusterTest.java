package io.cairn.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three embedded nodes are one cluster: a topic keeps three copies, and with one node killed an
 * acknowledged write still needs, and gets, two; the node comes back on its data.
 */
@Tag("faults")
class EmbeddedClusterTest {
  @TempDir Path dataDir;

  @Test
  void threeNodesKeepServingWhenOneIsKilledAndTakeItBack() throws Exception {
    try (EmbeddedCluster cluster =
        EmbeddedCluster.start(EmbeddedCluster.onFreePorts(dataDir, 3, "384m"))) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
        admin
            .createTopics(
                List.of(
                    new NewTopic("kept", 1, (short) 3).configs(Map.of("min.insync.replicas", "2"))))
            .all()
            .get();
        assertThat(admin.describeCluster().nodes().get()).hasSize(3);
      }
      produce(cluster, "before");
      cluster.kill(1);
      produce(cluster, "while one is down");
      cluster.restart(1);
      produce(cluster, "after");

      assertThat(consumeAll(cluster)).containsExactly("before", "while one is down", "after");
    }
  }

  @Test
  void aNodeThatDiesIsStartedAgainByTheCluster() throws Exception {
    try (EmbeddedCluster cluster =
        EmbeddedCluster.start(EmbeddedCluster.onFreePorts(dataDir, 3, "384m"))
            .restartingNodesThatDie()) {
      long killed = cluster.pid(2);
      ProcessHandle.of(killed).orElseThrow().destroyForcibly();

      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> cluster.pid(2) != killed && nodesAnswering(cluster) == 3);
    }
  }

  private static int nodesAnswering(EmbeddedCluster cluster) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
      return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
    }
  }

  private static void produce(EmbeddedCluster cluster, String value) throws Exception {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("kept", value)).get();
    }
  }

  private static List<String> consumeAll(EmbeddedCluster cluster) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition("kept", 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
      }
    }
    return values;
  }
}
