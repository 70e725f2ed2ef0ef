package io.cairn.bench;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The benchmarks' producers, with the gateway's durability (acks=all, idempotent) and bounds on
 * every wait, so that a benchmark whose broker goes away fails instead of hanging.
 */
final class Producers {
  /** How long a producer may wait for the broker, and take to close. */
  static final Duration PATIENCE = Duration.ofSeconds(30);

  private Producers() {}

  /**
   * A producer.
   *
   * @param lingerMs how long a batch waits for more records
   * @param batchBytes how large a batch may grow
   */
  static <K, V> KafkaProducer<K, V> durable(
      String bootstrap, int lingerMs, int batchBytes, Serializer<K> keys, Serializer<V> values) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.LINGER_MS_CONFIG,
            lingerMs,
            ProducerConfig.BATCH_SIZE_CONFIG,
            batchBytes,
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            (int) PATIENCE.toMillis(),
            // At least linger plus the request timeout (30 s), as the producer requires.
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            (int) PATIENCE.multipliedBy(2).toMillis()),
        keys,
        values);
  }
}
