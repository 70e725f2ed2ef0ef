package io.cairn.engine.effects;

import io.cairn.core.reaction.Effect;
import io.cairn.engine.reactions.CommandWriter;
import io.cairn.engine.reactions.EffectRequests;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.topics.ContractTopics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one effect: reads its requests topic as a consumer group (so instances share its
 * partitions), makes each call on a virtual thread, and commits a partition's offset only up to its
 * oldest call still under way. A call is therefore made at least once: again, with the same
 * idempotency key, if the app stops before its answer is recorded.
 */
public final class EffectRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EffectRunner.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration COMMIT_EVERY = Duration.ofSeconds(1);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration RESTART_AFTER = Duration.ofSeconds(1);

  private final String name;
  private final String topic;
  private final KafkaConnection kafka;
  private final EffectCalls<?, ?> calls;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Semaphore permits;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final PendingOffsets pending = new PendingOffsets();
  private final Map<String, InFlight> underWay = new ConcurrentHashMap<>();
  private final Thread poller;
  private volatile boolean running = true;
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  private EffectRunner(
      Effect.Bound<?, ?> bound,
      KafkaConnection kafka,
      ContractTopics topics,
      CommandWriter writer,
      EffectSettings settings,
      Clock clock) {
    this.name = bound.effect().name();
    this.topic = topics.declared().effectRequests(name).name();
    this.kafka = kafka;
    this.producer = EffectClients.producer(kafka);
    this.calls = new EffectCalls<>(bound, writer, topics, producer, settings, clock);
    this.permits = new Semaphore(settings.concurrency());
    this.poller = Thread.ofPlatform().name("cairn-effect-" + name).unstarted(this::run);
  }

  /** Starts the runner of an effect. */
  public static EffectRunner start(
      Effect.Bound<?, ?> bound,
      KafkaConnection kafka,
      ContractTopics topics,
      CommandWriter writer,
      EffectSettings settings,
      Clock clock) {
    EffectRunner runner = new EffectRunner(bound, kafka, topics, writer, settings, clock);
    runner.poller.start();
    return runner;
  }

  /** Reads until stopped; a consumer that fails is replaced, and what it left is read again. */
  private void run() {
    while (running) {
      try {
        poll();
      } catch (RuntimeException e) {
        log.error("effect:{} failed reading its requests; reading again shortly", name, e);
        try {
          Thread.sleep(RESTART_AFTER);
        } catch (InterruptedException stopped) {
          return;
        }
      }
    }
  }

  private void poll() {
    try (KafkaConsumer<byte[], byte[]> reader = EffectClients.consumer(kafka, name)) {
      consumer = reader;
      reader.subscribe(List.of(topic), new Rebalance(reader));
      long commitAt = System.nanoTime() + COMMIT_EVERY.toNanos();
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
          if (!dispatch(record)) {
            return;
          }
        }
        if (System.nanoTime() - commitAt >= 0) {
          reader.commitSync(pending.committable());
          commitAt = System.nanoTime() + COMMIT_EVERY.toNanos();
        }
      }
      reader.commitSync(pending.committable());
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /**
   * Hands a request to a worker once one is free, first stopping the calls it supersedes; false
   * when the runner stopped meanwhile.
   */
  private boolean dispatch(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
    while (!permits.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
      if (!running) {
        return false;
      }
    }
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    pending.started(partition, record.offset());
    EffectRequests.Request request;
    try {
      request = EffectRequests.read(record.value());
    } catch (IOException e) {
      workers.submit(() -> make(record, partition, () -> calls.unreadable(record, e)));
      return true;
    }
    request
        .supersedes()
        .forEach(
            key -> {
              InFlight earlier = underWay.get(key);
              if (earlier != null) {
                earlier.supersede();
              }
            });
    InFlight call = new InFlight();
    underWay.put(request.key(), call);
    workers.submit(
        () -> {
          call.runsOn(Thread.currentThread());
          try {
            make(record, partition, () -> calls.make(record, request, call::superseded));
          } finally {
            underWay.remove(request.key(), call);
          }
        });
    return true;
  }

  /** Something a worker does, which a stop may interrupt. */
  @FunctionalInterface
  private interface Work {
    void run() throws InterruptedException;
  }

  private void make(ConsumerRecord<byte[], byte[]> record, TopicPartition partition, Work work) {
    try {
      work.run();
      pending.done(partition, record.offset());
    } catch (InterruptedException e) {
      // Stopping: the call is made again when the partition is next read.
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // Left pending, so its offset is never committed past: read again after a restart.
      log.error("effect:{} could not finish {}@{}", name, partition, record.offset(), e);
    } finally {
      permits.release();
    }
  }

  /** Commits what is done before partitions are taken away. */
  private final class Rebalance implements ConsumerRebalanceListener {
    private final KafkaConsumer<byte[], byte[]> reader;

    Rebalance(KafkaConsumer<byte[], byte[]> reader) {
      this.reader = reader;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      reader.commitSync(pending.committable());
      pending.forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      pending.forget(partitions);
    }
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<byte[], byte[]> reader = consumer;
    if (reader != null) {
      reader.wakeup();
    }
    try {
      poller.join(CLOSE_TIMEOUT);
      workers.shutdownNow();
      workers.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(CLOSE_TIMEOUT);
  }
}
