package io.cairn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the orders' integration events (the public topic {@code cairn.integration.orders}) for
 * the orders a benchmark checked out, and measures, per order, the time from the CheckOut's answer
 * to its {@code commerce.OrderConfirmed} event reaching a consumer.
 */
final class Confirmations implements AutoCloseable {
  private static final String TOPIC = "cairn.integration.orders";
  private static final String CONFIRMED = "commerce.OrderConfirmed";
  private static final String CANCELLED = "commerce.OrderCancelled";

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
  private final Recorder latencies = new Recorder(3);
  private final AtomicLong confirmed = new AtomicLong();
  private final AtomicLong cancelled = new AtomicLong();
  private final KafkaConsumer<String, String> consumer;
  private final Thread reader;
  private volatile boolean running = true;

  Confirmations(String bootstrap) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new StringDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(TOPIC, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    reader = Thread.ofPlatform().name("bench-confirmations").start(this::read);
  }

  /** The order's CheckOut was answered now. */
  void answered(String orderId) {
    answeredAt.put(orderId, System.nanoTime());
  }

  private void read() {
    while (running) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
        heard(record.value());
      }
    }
    consumer.close(Duration.ofSeconds(5));
  }

  private void heard(String cloudEvent) {
    long now = System.nanoTime();
    try {
      JsonNode event = json.readTree(cloudEvent);
      String type = event.path("type").asText();
      Long answered = answeredAt.remove(event.path("subject").asText());
      if (answered == null) {
        return;
      }
      if (type.equals(CONFIRMED)) {
        latencies.recordValue(Math.max(1, (now - answered) / 1_000));
        confirmed.incrementAndGet();
      } else if (type.equals(CANCELLED)) {
        cancelled.incrementAndGet();
      } else {
        answeredAt.put(event.path("subject").asText(), answered);
      }
    } catch (Exception e) {
      // Not a CloudEvent of ours: another producer's record on the topic.
    }
  }

  /** Orders answered and not yet confirmed or cancelled. */
  int outstanding() {
    return answeredAt.size();
  }

  long confirmed() {
    return confirmed.get();
  }

  long cancelled() {
    return cancelled.get();
  }

  /** The latencies, in microseconds, recorded since the last call or {@link #percentiles()}. */
  Histogram latencies() {
    return latencies.getIntervalHistogram();
  }

  /** The latencies recorded since the last call, p50 to max in milliseconds. */
  String percentiles() {
    Histogram histogram = latencies();
    return "p50 %.1f, p90 %.1f, p99 %.1f, max %.1f"
        .formatted(
            histogram.getValueAtPercentile(50) / 1000.0,
            histogram.getValueAtPercentile(90) / 1000.0,
            histogram.getValueAtPercentile(99) / 1000.0,
            histogram.getMaxValue() / 1000.0);
  }

  /** Forgets what was counted, for the next phase. */
  void reset() {
    answeredAt.clear();
    confirmed.set(0);
    cancelled.set(0);
    latencies.reset();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    reader.join(Duration.ofSeconds(10));
  }
}
