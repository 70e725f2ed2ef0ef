package io.cairn.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Kafka Streams' own metrics of one application, through Micrometer's binder, following the
 * application across restarts: a views rebuild replaces the views' KafkaStreams instance, and the
 * metrics move to the new one at the next scrape.
 */
final class StreamsMeters implements Runnable, AutoCloseable {
  /**
   * How often the binder looks for Kafka metrics that appeared since, such as a new task's. Each
   * look walks all of the application's metrics, some 30,000, and rebinds them when the set has
   * changed: at Micrometer's default of a minute it took a tenth of a core under load.
   */
  private static final Duration REFRESH = Duration.ofMinutes(10);

  private final String application;
  private final Supplier<Optional<KafkaStreams>> current;
  private final MeterRegistry registry;
  private KafkaStreams followed;
  private KafkaStreamsMetrics binder;
  private ScheduledExecutorService refresh;

  StreamsMeters(
      String application, Supplier<Optional<KafkaStreams>> current, MeterRegistry registry) {
    this.application = application;
    this.current = current;
    this.registry = registry;
  }

  @Override
  public synchronized void run() {
    KafkaStreams now = current.get().orElse(null);
    if (now == followed) {
      return;
    }
    close();
    if (now != null) {
      refresh =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().daemon().name("cairn-kafka-metrics-" + application).factory());
      binder =
          new KafkaStreamsMetrics(
              now, List.of(Tag.of("application", application)), refresh, REFRESH);
      binder.bindTo(registry);
    }
    followed = now;
  }

  @Override
  public synchronized void close() {
    if (binder != null) {
      binder.close();
      // The binder leaves a scheduler it was given running: its own, stopped with it.
      refresh.shutdownNow();
      binder = null;
    }
    followed = null;
  }
}
