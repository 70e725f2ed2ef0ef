package io.cairn.gateway;

import io.cairn.avro.replies.CommandReply;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.topics.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every reply, on every partition of the replies topic, with read_committed (a reply is seen
 * only once its command's events are committed), and completes the request waiting for it. Every
 * gateway instance reads every reply and keeps those it waits for, so any number of instances run
 * side by side with no routing between them.
 */
final class ReplyListener implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReplyListener.class);
  private static final Duration EXPIRE_EVERY = Duration.ofMillis(100);

  private final KafkaConsumer<String, CommandReply> consumer;
  private final String topic;
  private final Map<String, Pending> waiting = new ConcurrentHashMap<>();
  private final Duration timeout;
  // One sweep every EXPIRE_EVERY rather than a timer per command: at 10,000 commands/s, setting
  // and cancelling a timer each cost the shared delay scheduler 4% of a core.
  private final ScheduledExecutorService expiry =
      Executors.newSingleThreadScheduledExecutor(
          task -> Thread.ofPlatform().name("cairn-command-timeouts").daemon().unstarted(task));
  private final Thread thread;
  // What waits on a reply writes the HTTP answer; run on this one thread, it held up every other
  // reply behind each write (a tenth of the app's CPU at 4,000 commands/s, and the queue with it).
  private final ExecutorService answering = Executors.newVirtualThreadPerTaskExecutor();
  private volatile boolean running;

  /** A command waiting for its reply, until a deadline on {@link System#nanoTime()}. */
  private record Pending(CompletableFuture<CommandReply> reply, long deadline) {}

  /**
   * @param timeout how long a command waits for its reply before its future fails with a {@link
   *     TimeoutException}
   */
  ReplyListener(KafkaConnection kafka, Topic<String, CommandReply> replies, Duration timeout) {
    this.timeout = timeout;
    Map<String, Object> config = kafka.clientConfig();
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    this.consumer =
        new KafkaConsumer<>(
            config, replies.keySerde().deserializer(), replies.valueSerde().deserializer());
    this.topic = replies.name();
    this.thread = new Thread(this::listen, "cairn-reply-listener");
  }

  /** Starts at the end of every partition: only replies to this instance's commands matter. */
  void start() {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve the end now, before any command is sent
    running = true;
    thread.start();
    long every = Math.min(EXPIRE_EVERY.toMillis(), Math.max(1, timeout.toMillis() / 10));
    expiry.scheduleWithFixedDelay(this::expire, every, every, TimeUnit.MILLISECONDS);
  }

  boolean isRunning() {
    return running && thread.isAlive();
  }

  /**
   * The reply to a command, once it comes, or a {@link TimeoutException} once the timeout has
   * passed; call before sending, so a fast reply is not missed.
   */
  CompletableFuture<CommandReply> expect(String commandId) {
    long deadline = System.nanoTime() + timeout.toNanos();
    return waiting
        .computeIfAbsent(commandId, id -> new Pending(new CompletableFuture<>(), deadline))
        .reply();
  }

  /** Stops waiting for a command's reply (it timed out, or was never sent). */
  void forget(String commandId) {
    waiting.remove(commandId);
  }

  private void listen() {
    try {
      while (running) {
        for (ConsumerRecord<String, CommandReply> record : consumer.poll(Duration.ofMillis(200))) {
          CommandReply reply = record.value();
          if (reply != null) {
            Pending request = waiting.remove(reply.getCommandId());
            if (request != null) {
              request.reply().completeAsync(() -> reply, answering);
            }
          }
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (RuntimeException e) {
      log.error("The reply listener stopped; commands will time out until the app restarts", e);
      running = false;
    }
  }

  /** Fails the commands whose deadline has passed; their answers are written off this thread. */
  private void expire() {
    long now = System.nanoTime();
    for (Map.Entry<String, Pending> entry : waiting.entrySet()) {
      Pending pending = entry.getValue();
      if (now - pending.deadline() >= 0 && waiting.remove(entry.getKey(), pending)) {
        answering.execute(() -> pending.reply().completeExceptionally(new TimeoutException()));
      }
    }
  }

  /** Measures this client's own Kafka metrics in the registry until the returned binder closes. */
  AutoCloseable bindMetrics(MeterRegistry registry) {
    KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
    metrics.bindTo(registry);
    return metrics;
  }

  @Override
  public void close() {
    running = false;
    expiry.shutdownNow();
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10));
      expiry.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close(Duration.ofSeconds(5));
    waiting.values().forEach(request -> request.reply().cancel(false));
    answering.close();
  }
}
