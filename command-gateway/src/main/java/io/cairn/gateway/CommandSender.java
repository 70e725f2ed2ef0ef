package io.cairn.gateway;

import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.topics.CommandHeaders;
import io.cairn.kafka.topics.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends commands to their aggregate type's commands topic, keyed by aggregate id, with an
 * idempotent producer and acks=all: a command the broker acknowledged is on every in-sync replica,
 * and a retried send is never written twice.
 */
final class CommandSender implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final Map<String, Topic<String, SpecificRecord>> topics;

  /**
   * @param topics each aggregate type's commands topic, by type
   */
  CommandSender(
      KafkaConnection kafka,
      Map<String, Topic<String, SpecificRecord>> topics,
      Duration sendTimeout) {
    Map<String, Object> config = kafka.clientConfig();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Commands wait up to 5 ms to go out together: under load one produce request carries a few
    // milliseconds' commands, and the stream threads, whose fetches return as soon as a record
    // can be read, fetch them in as few batches.
    int linger = 5;
    // The producer needs delivery.timeout >= linger + request.timeout; a short command timeout
    // must not make that invalid. A send that outlives the command timeout ends in a 504 (outcome
    // unknown), which a retry with the same Idempotency-Key settles.
    int requestTimeout = (int) Math.max(1_000, sendTimeout.toMillis() / 2);
    int deliveryTimeout = (int) Math.max(sendTimeout.toMillis(), requestTimeout + linger);
    config.put(ProducerConfig.LINGER_MS_CONFIG, linger);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout.toMillis());
    this.producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    this.topics = Map.copyOf(topics);
  }

  /** Sends the command; the future completes when the broker has acknowledged it. */
  CompletableFuture<Void> send(CommandRequest command) {
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    Topic<String, SpecificRecord> topic = topics.get(command.type());
    ProducerRecord<byte[], byte[]> record = topic.record(command.aggregateId(), command.envelope());
    command
        .customer()
        .ifPresent(
            customer ->
                record
                    .headers()
                    .add(CommandHeaders.CUSTOMER, customer.getBytes(StandardCharsets.UTF_8)));
    producer.send(
        record,
        (metadata, failure) -> {
          if (failure == null) {
            acknowledged.complete(null);
          } else {
            acknowledged.completeExceptionally(failure);
          }
        });
    return acknowledged;
  }

  /** Measures this client's own Kafka metrics in the registry until the returned binder closes. */
  AutoCloseable bindMetrics(MeterRegistry registry) {
    KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
    metrics.bindTo(registry);
    return metrics;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
