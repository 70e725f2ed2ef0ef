package io.cairn.engine.deadletters;

import io.cairn.engine.streams.DeadLetter;
import io.cairn.kafka.client.KafkaConnection;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter queue as operators see it: every instance reads the whole queue into an {@link
 * DeadLetterIndex index} of its newest entries and counts by reason, so any instance lists it; a
 * retry puts an entry's original record back on its topic, with a header naming the entry, and
 * writes a marker saying so to the queue, both in one transaction.
 */
public final class DeadLetterQueue implements DeadLetterQueueMXBean, AutoCloseable {
  /** The header a retried record carries: the id of its entry. */
  public static final String RETRY = DeadLetter.PREFIX + "retry";

  private static final Logger log = LoggerFactory.getLogger(DeadLetterQueue.class);
  private static final ObjectName NAME = objectName();
  private static final Duration POLL = Duration.ofMillis(500);

  private final String topic;
  private final Clock clock;
  private final DeadLetterIndex index;
  private final KafkaConsumer<byte[], byte[]> reader;
  private final Thread thread;
  private final DeadLetterRetry retries;
  private volatile boolean running;

  private DeadLetterQueue(KafkaConnection kafka, String topic, int kept, Clock clock) {
    this.topic = topic;
    this.clock = clock;
    this.index = new DeadLetterIndex(kept);
    this.reader = consumer(kafka);
    this.thread = Thread.ofPlatform().name("cairn-dead-letters").daemon().unstarted(this::read);
    this.retries = new DeadLetterRetry(kafka, topic);
  }

  /**
   * Starts reading the queue from its beginning.
   *
   * @param topic the queue's topic
   * @param kept how many of the newest entries this instance keeps listed
   */
  public static DeadLetterQueue start(KafkaConnection kafka, String topic, int kept, Clock clock) {
    DeadLetterQueue queue = new DeadLetterQueue(kafka, topic, kept, clock);
    List<TopicPartition> partitions =
        queue.reader.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    queue.reader.assign(partitions);
    queue.reader.seekToBeginning(partitions);
    queue.running = true;
    queue.thread.start();
    queue.register();
    return queue;
  }

  @Override
  public Map<String, Long> getEntriesByReason() {
    return counts();
  }

  @Override
  public long getEntries() {
    return counts().values().stream().mapToLong(Long::longValue).sum();
  }

  private void register() {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      if (server.isRegistered(NAME)) {
        server.unregisterMBean(NAME);
      }
      server.registerMBean(this, NAME);
    } catch (JMException e) {
      throw new IllegalStateException("cannot register " + NAME, e);
    }
  }

  private static ObjectName objectName() {
    try {
      return new ObjectName("io.cairn:type=dead-letters");
    } catch (JMException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A page of the list.
   *
   * @param entries the entries, newest first
   * @param next the id the next page starts after; null on the last page
   */
  public record Page(List<DeadLetterEntry> entries, String next) {}

  /** A page of the entries, newest first, after the entry with the given id. */
  public Page list(Optional<String> after, int limit) {
    Optional<DeadLetterIndex.Position> from = after.flatMap(index::position);
    List<DeadLetterEntry> entries = index.page(from, limit + 1);
    boolean more = entries.size() > limit;
    List<DeadLetterEntry> shown = more ? entries.subList(0, limit) : entries;
    return new Page(List.copyOf(shown), more ? shown.getLast().id() : null);
  }

  /** How many entries the queue holds, by reason. */
  public Map<String, Long> counts() {
    return index.counts();
  }

  /** Puts an entry's record back on its topic, once. */
  public synchronized Retry retry(String id) {
    Optional<DeadLetterEntry> found = index.find(id);
    if (found.isEmpty()) {
      return new Retry.NotFound();
    }
    DeadLetterEntry entry = found.get();
    if (!entry.retryable()) {
      return new Retry.NotRetryable(
          "The record came from "
              + entry.topic()
              + ", an event log, which only its aggregates append to; the event is in the log"
              + " already. Deploy the fix and rebuild the views, or send the command it should"
              + " have caused.");
    }
    if (entry.retriedAt() != null) {
      return new Retry.AlreadyRetried(entry.retriedAt());
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    retries.send(entry, now);
    index.markRetried(id, now);
    log.info("Dead letter {} ({}) retried onto {}", id, entry.reason(), entry.topic());
    return new Retry.Done(entry.retried(now));
  }

  private void read() {
    try {
      while (running) {
        reader.poll(POLL).forEach(index::add);
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (RuntimeException e) {
      log.error("The dead-letter queue reader stopped; its list is frozen until a restart", e);
      running = false;
    }
  }

  /** Whether the queue is still being read, as the process's liveness asks. */
  public boolean reading() {
    return thread.isAlive();
  }

  /** A consumer of the queue, committed records only, that commits nothing. */
  static KafkaConsumer<byte[], byte[]> consumer(KafkaConnection kafka) {
    Map<String, Object> config = kafka.clientConfig();
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @Override
  public synchronized void close() {
    running = false;
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(NAME);
    } catch (JMException e) {
      log.debug("{} was not registered", NAME, e);
    }
    reader.wakeup();
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    reader.close(Duration.ofSeconds(5));
    retries.close();
  }
}
