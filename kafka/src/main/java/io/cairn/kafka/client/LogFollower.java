package io.cairn.kafka.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a whole topic from its beginning on a thread of its own, and keeps reading, handing each
 * record to a handler: what an in-memory table of a compacted topic is built on. {@link #catchUp}
 * waits until every record written before it was called has been handed over. A failing poll is
 * retried, not the end of the thread; a record the handler refuses is logged and passed over.
 */
public final class LogFollower implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LogFollower.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final String topic;
  private final Duration timeout;
  private final Consumer<ConsumerRecord<String, byte[]>> handler;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Admin admin;
  private final Thread thread;
  private final Object progress = new Object();
  // Set before the thread starts, never changed after: read by callers of catchUp, whose threads
  // must not touch the consumer.
  private volatile List<TopicPartition> partitions = List.of();
  private Map<TopicPartition, Long> positions = Map.of(); // guarded by progress
  private volatile boolean closing;

  /**
   * @param timeout how long reading up to the end may take
   * @param handler takes each record, on the follower's thread
   */
  public LogFollower(
      KafkaConnection kafka,
      String topic,
      Duration timeout,
      Consumer<ConsumerRecord<String, byte[]>> handler) {
    this.topic = topic;
    this.timeout = timeout;
    this.handler = handler;
    Map<String, Object> config = kafka.clientConfig();
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    this.admin = Admin.create(kafka.clientConfig());
    this.thread = Thread.ofPlatform().name("cairn-follow-" + topic).daemon().unstarted(this::run);
  }

  /** Starts reading, and returns once every record already in the topic is handed over. */
  public void start() {
    partitions = partitions();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    thread.start();
    catchUp();
  }

  /** The topic's partitions, once the cluster knows of them: a topic just made may not be yet. */
  private List<TopicPartition> partitions() {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<TopicPartition> found =
          consumer.partitionsFor(topic, timeout).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      if (!found.isEmpty()) {
        return found;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the cluster does not know the topic " + topic);
      }
      LockSupport.parkNanos(POLL.toNanos());
    }
  }

  /** Whether the topic is still being read. */
  public boolean alive() {
    return thread.isAlive() && !closing;
  }

  /** Waits until every record in the topic right now has been handed to the handler. */
  public void catchUp() {
    Map<TopicPartition, Long> ends = ends();
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (!reached(ends)) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || closing) {
          throw new IllegalStateException("could not read " + topic + " up to its end in time");
        }
        try {
          progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted reading " + topic, e);
        }
      }
    }
  }

  private boolean reached(Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream()
        .allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
  }

  private Map<TopicPartition, Long> ends() {
    try {
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin
              .listOffsets(
                  partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
              .all()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return ends.entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the end of " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading the end of " + topic, e);
    }
  }

  private void run() {
    while (!closing) {
      try {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          hand(record);
        }
        Map<TopicPartition, Long> now =
            partitions.stream().collect(Collectors.toMap(p -> p, consumer::position));
        synchronized (progress) {
          positions = now;
          progress.notifyAll();
        }
      } catch (WakeupException e) {
        // closing: the loop ends
      } catch (KafkaException e) {
        log.warn("Reading {} failed, trying again in {}: {}", topic, RETRY, e.getMessage());
        LockSupport.parkNanos(RETRY.toNanos());
      }
    }
  }

  private void hand(ConsumerRecord<String, byte[]> record) {
    try {
      handler.accept(record);
    } catch (RuntimeException e) {
      log.error("Passing over the record of {} at offset {}", topic, record.offset(), e);
    }
  }

  @Override
  public void close() {
    closing = true;
    consumer.wakeup();
    try {
      thread.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
  }
}
