package io.cairn.engine.commands.rebuild;

import io.cairn.kafka.client.AdminRequests;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.client.KafkaOperationException;
import io.cairn.kafka.topics.ContractTopics;
import io.cairn.kafka.topics.TopicDefaults;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes rebuilt snapshots to a store's changelog, as Kafka Streams would have: each to the
 * partition of its aggregate's commands, with the store's serde, durably. A changelog that was lost
 * is made again as Kafka Streams makes one, compacted, with the task's partitions.
 */
final class ChangelogWriter {
  private final KafkaConnection kafka;
  private final Admin admin;
  private final ContractTopics topics;
  private final Duration timeout;

  ChangelogWriter(KafkaConnection kafka, Admin admin, ContractTopics topics, Duration timeout) {
    this.kafka = kafka;
    this.admin = admin;
    this.topics = topics;
    this.timeout = timeout;
  }

  /**
   * Writes the snapshots in their order, and returns once every one is acknowledged.
   *
   * @param partitions how many partitions the changelog has, as its commands topic
   */
  void write(
      String changelog, int partitions, TopicDefaults defaults, List<EventLogFold.Saved> saved) {
    ensure(changelog, partitions, defaults);
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "cairn-rebuild-aggregates");
    AtomicReference<Exception> failed = new AtomicReference<>();
    try (KafkaProducer<String, SpecificRecord> producer =
        new KafkaProducer<>(
            config, new StringSerializer(), topics.<SpecificRecord>storeSerde().serializer())) {
      for (EventLogFold.Saved snapshot : saved) {
        if (snapshot.partition() >= partitions) {
          throw new IllegalStateException(
              "%s is in partition %d of its events, but %s has %d partitions"
                  .formatted(snapshot.id(), snapshot.partition(), changelog, partitions));
        }
        producer.send(
            new ProducerRecord<>(
                changelog, snapshot.partition(), snapshot.id(), snapshot.snapshot()),
            (metadata, failure) -> {
              if (failure != null) {
                failed.compareAndSet(null, failure);
              }
            });
      }
      producer.flush();
    }
    if (failed.get() != null) {
      throw new KafkaOperationException(
          "cannot write the rebuilt snapshots to " + changelog, failed.get());
    }
  }

  private void ensure(String changelog, int partitions, TopicDefaults defaults) {
    boolean exists =
        AdminRequests.await(admin.listTopics().names(), timeout, "listing the topics")
            .contains(changelog);
    if (exists) {
      int has =
          AdminRequests.await(
                  admin.describeTopics(List.of(changelog)).allTopicNames(),
                  timeout,
                  "describing " + changelog)
              .get(changelog)
              .partitions()
              .size();
      if (has != partitions) {
        throw new IllegalStateException(
            "%s has %d partitions where its commands have %d"
                .formatted(changelog, has, partitions));
      }
      return;
    }
    NewTopic topic =
        new NewTopic(changelog, partitions, defaults.replicationFactor())
            .configs(
                Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG,
                    TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                    String.valueOf(defaults.minInSyncReplicas())));
    AdminRequests.await(
        admin.createTopics(List.of(topic)).all(), timeout, "making " + changelog + " again");
  }
}
