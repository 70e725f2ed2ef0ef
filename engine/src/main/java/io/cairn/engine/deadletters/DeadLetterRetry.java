package io.cairn.engine.deadletters;

import io.cairn.engine.streams.DeadLetter;
import io.cairn.kafka.client.KafkaConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Puts an entry's original record back on its topic: reads it back from the queue, and writes it,
 * with a header naming the entry, and a marker saying it was retried to the queue, in one
 * transaction. Not thread-safe: the queue calls it one retry at a time.
 */
final class DeadLetterRetry implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final KafkaConnection kafka;
  private final String topic;
  private KafkaProducer<byte[], byte[]> producer;

  DeadLetterRetry(KafkaConnection kafka, String topic) {
    this.kafka = kafka;
    this.topic = topic;
  }

  /** Sends the entry's record back to its topic, marking the entry retried at the given time. */
  void send(DeadLetterEntry entry, Instant now) {
    ConsumerRecord<byte[], byte[]> original = fetch(entry.id());
    RecordHeaders headers = new RecordHeaders(DeadLetterIndex.originalHeaders(original.headers()));
    headers.add(DeadLetterQueue.RETRY, bytes(entry.id()));
    RecordHeaders marker = new RecordHeaders();
    marker.add(DeadLetterIndex.RETRIED, bytes(entry.id()));
    marker.add(DeadLetter.TIME, bytes(now.toString()));
    KafkaProducer<byte[], byte[]> out = producer();
    out.beginTransaction();
    try {
      out.send(
          new ProducerRecord<>(entry.topic(), null, original.key(), original.value(), headers));
      out.send(new ProducerRecord<byte[], byte[]>(topic, null, null, new byte[0], marker));
      out.commitTransaction();
    } catch (RuntimeException e) {
      out.abortTransaction();
      throw e;
    }
  }

  private ConsumerRecord<byte[], byte[]> fetch(String id) {
    int dash = id.indexOf('-');
    TopicPartition partition = new TopicPartition(topic, Integer.parseInt(id.substring(0, dash)));
    long offset = Long.parseLong(id.substring(dash + 1));
    try (KafkaConsumer<byte[], byte[]> one = DeadLetterQueue.consumer(kafka)) {
      one.assign(List.of(partition));
      one.seek(partition, offset);
      long deadline = System.nanoTime() + FETCH_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : one.poll(POLL)) {
          if (record.offset() == offset) {
            return record;
          }
        }
      }
    }
    throw new IllegalStateException("dead letter " + id + " could not be read back in time");
  }

  private KafkaProducer<byte[], byte[]> producer() {
    if (producer == null) {
      Map<String, Object> config = kafka.clientConfig();
      config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "cairn-dlq-retry-" + UUID.randomUUID());
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
      producer.initTransactions();
    }
    return producer;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(CLOSE_TIMEOUT);
    }
  }
}
