package io.cairn.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The yardstick measured in the same run on the same broker: a raw Kafka producer with the
 * gateway's durability settings (acks=all, idempotent), sending records of a command's size as fast
 * as it can, to a topic of its own with the commands topics' partition count.
 */
final class ProducerBaseline {
  private ProducerBaseline() {}

  /** Acknowledged records per second over the duration. */
  static double run(String bootstrap, int partitions, int recordSize, Duration duration)
      throws Exception {
    String topic = "cairn-bench-baseline-" + UUID.randomUUID().toString().substring(0, 8);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
      try {
        awaitLeaders(admin, topic);
        return send(bootstrap, topic, recordSize, duration);
      } finally {
        admin.deleteTopics(List.of(topic)).all().get();
      }
    }
  }

  /** Sending before every partition has a leader would only measure the producer's retries. */
  static void awaitLeaders(Admin admin, String topic) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      TopicDescription description =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      if (description.partitions().stream().allMatch(p -> p.leader() != null)) {
        return;
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    throw new IllegalStateException("the partitions of " + topic + " got no leader within 30 s");
  }

  private static double send(String bootstrap, String topic, int recordSize, Duration duration) {
    byte[] value = new byte[recordSize];
    AtomicLong acknowledged = new AtomicLong();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    KafkaProducer<byte[], byte[]> producer =
        Producers.durable(
            bootstrap, 1, 16 * 1024, new ByteArraySerializer(), new ByteArraySerializer());
    try {
      for (long i = 0; System.nanoTime() < end; i++) {
        byte[] key = ("bench-" + (i % 1000)).getBytes(StandardCharsets.UTF_8);
        producer.send(
            new ProducerRecord<>(topic, key, value),
            (metadata, error) -> {
              if (error == null) {
                acknowledged.incrementAndGet();
              }
            });
      }
      producer.flush();
    } finally {
      producer.close(Producers.PATIENCE);
    }
    return acknowledged.get() * 1e9 / (System.nanoTime() - start);
  }
}
