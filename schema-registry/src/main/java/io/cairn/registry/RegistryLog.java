package io.cairn.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.cairn.kafka.client.KafkaConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's log on Kafka: a single-partition topic that every instance appends to and folds,
 * from the beginning, into its {@link SchemaState}. An append returns the outcome once this
 * instance has folded its own entry, so it sees every entry appended before it, by anyone.
 */
final class RegistryLog implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RegistryLog.class);
  private static final int START_TIMEOUTS = 3;
  private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

  private final ObjectMapper json = new ObjectMapper().registerModule(new Jdk8Module());
  private final TopicPartition partition;
  private final SchemaState state;
  private final Duration timeout;
  private final KafkaProducer<String, String> producer;
  private final KafkaConsumer<String, String> consumer;
  private final Admin admin;
  private final Map<String, CompletableFuture<Outcome>> pending = new ConcurrentHashMap<>();
  private final Object progress = new Object();
  private final Thread folder;
  private long applied; // the offset up to which entries are folded; guarded by progress
  private volatile boolean closing;

  RegistryLog(KafkaConnection kafka, String topic, SchemaState state, Duration timeout) {
    this.partition = new TopicPartition(topic, 0);
    this.state = state;
    this.timeout = timeout;
    Map<String, Object> producerConfig = kafka.clientConfig();
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
    Map<String, Object> consumerConfig = kafka.clientConfig();
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumer =
        new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
    this.admin = Admin.create(kafka.clientConfig());
    this.folder = new Thread(this::fold, "cairn-schema-registry-log");
  }

  /** Starts folding and returns once every entry already in the log is folded. */
  void start() {
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    folder.start();
    // A log just made (or made again) may not answer at once on a busy cluster: give it longer.
    catchUp(timeout.multipliedBy(START_TIMEOUTS));
  }

  /** Appends an entry and returns what folding it decided. */
  Outcome append(RegistryRecord entry) {
    CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    pending.put(entry.entryId(), outcome);
    try {
      producer
          .send(new ProducerRecord<>(partition.topic(), 0, entry.entryId(), write(entry)))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw RegistryError.storeTimeout("writing to the schema log " + partition.topic());
    } catch (ExecutionException e) {
      log.error("Cannot append to the schema log {}", partition.topic(), e.getCause());
      throw RegistryError.storeFailure("writing to the schema log " + partition.topic());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryError.storeTimeout("writing to the schema log (interrupted)");
    } finally {
      pending.remove(entry.entryId());
    }
  }

  /**
   * Waits until every entry in the log right now is folded: reads then see other instances' writes.
   */
  void catchUp() {
    catchUp(timeout);
  }

  private void catchUp(Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    try {
      long end = endOffset(deadline);
      synchronized (progress) {
        while (applied < end) {
          long left = deadline - System.nanoTime();
          if (left <= 0 || closing) {
            throw RegistryError.storeTimeout("reading the schema log " + partition.topic());
          }
          progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw RegistryError.storeTimeout("reading the end of the schema log " + partition.topic());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryError.storeTimeout("reading the schema log (interrupted)");
    }
  }

  /** The log's end, asked again while the cluster answers that it cannot tell yet. */
  private long endOffset(long deadline)
      throws ExecutionException, TimeoutException, InterruptedException {
    while (true) {
      long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      try {
        return admin
            .listOffsets(Map.of(partition, OffsetSpec.latest()))
            .partitionResult(partition)
            .get(left, TimeUnit.MILLISECONDS)
            .offset();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(RETRY_PAUSE.toMillis());
      }
    }
  }

  /** Whether the log is still being read: a reader that died takes the process's liveness. */
  boolean alive() {
    return folder.isAlive() && !closing;
  }

  /**
   * Folds the log as it grows. A failing poll (the cluster away for a while) is tried again; any
   * other failure ends the reader, which {@link #alive} then says, so the process is restarted
   * rather than serving schemas it no longer sees.
   */
  private void fold() {
    try {
      while (!closing) {
        try {
          for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            applyEntry(record);
          }
        } catch (KafkaException e) {
          if (e instanceof WakeupException) {
            throw e;
          }
          log.warn("Reading the schema log failed, trying again in 1 s: {}", e.getMessage());
          LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
          continue;
        }
        long position = consumer.position(partition);
        synchronized (progress) {
          applied = position;
          progress.notifyAll();
        }
      }
    } catch (WakeupException e) {
      if (!closing) {
        log.error("The schema log reader was woken up while running; it stops", e);
      }
    } catch (RuntimeException e) {
      log.error("The schema log reader stopped; the registry no longer sees new schemas", e);
    }
  }

  private void applyEntry(ConsumerRecord<String, String> record) {
    RegistryRecord entry;
    try {
      entry = json.readValue(record.value(), RegistryRecord.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // Every instance skips the same foreign entry, so their states stay the same.
      log.warn(
          "Skipping an entry of {} at offset {} that is not Cairn's: {}",
          partition,
          record.offset(),
          e.getMessage());
      return;
    }
    Outcome outcome = state.apply(entry);
    CompletableFuture<Outcome> waiting = pending.get(entry.entryId());
    if (waiting != null) {
      waiting.complete(outcome);
    }
  }

  private String write(RegistryRecord entry) {
    try {
      return json.writeValueAsString(entry);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a schema log entry", e);
    }
  }

  @Override
  public void close() {
    closing = true;
    consumer.wakeup();
    try {
      folder.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close(Duration.ofSeconds(5));
    producer.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
  }
}
