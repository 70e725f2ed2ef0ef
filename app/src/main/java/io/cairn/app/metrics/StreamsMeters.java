package io.cairn.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Kafka Streams' own metrics of one application, through Micrometer's binder, following the
 * application across restarts: a views rebuild replaces the views' KafkaStreams instance, and the
 * metrics move to the new one at the next scrape.
 */
final class StreamsMeters implements Runnable, AutoCloseable {
  private final String application;
  private final Supplier<Optional<KafkaStreams>> current;
  private final MeterRegistry registry;
  private KafkaStreams followed;
  private KafkaStreamsMetrics binder;

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
      binder = new KafkaStreamsMetrics(now, List.of(Tag.of("application", application)));
      binder.bindTo(registry);
    }
    followed = now;
  }

  @Override
  public synchronized void close() {
    if (binder != null) {
      binder.close();
      binder = null;
    }
    followed = null;
  }
}
