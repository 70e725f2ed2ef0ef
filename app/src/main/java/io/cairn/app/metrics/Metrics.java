package io.cairn.app.metrics;

import io.cairn.engine.commands.CommandProcessors;
import io.cairn.engine.streams.StreamsInstance;
import io.cairn.engine.views.ReadSide;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The app's metrics in one Prometheus registry: the JVM's, the Kafka clients', and Cairn's own,
 * some of which are read from the stores and the Streams applications as each scrape asks.
 */
public final class Metrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> bound = new CopyOnWriteArrayList<>();

  /**
   * Kafka's metrics per task, processor node, state store, topic, partition and broker node: with 6
   * partitions per aggregate type they come to some 30,000 series and 7 MB a scrape, for detail a
   * dashboard does not show. The per-client and per-thread ones stay.
   */
  private static final List<String> KAFKA_DETAIL =
      List.of(
          "kafka.stream.state.",
          "kafka.stream.task.",
          "kafka.stream.processor.node.",
          "kafka.stream.topic.");

  private Metrics() {
    registry.config().meterFilter(MeterFilter.deny(Metrics::kafkaDetail));
  }

  private static boolean kafkaDetail(Meter.Id id) {
    String name = id.getName();
    return name.startsWith("kafka.")
        && (KAFKA_DETAIL.stream().anyMatch(name::startsWith)
            || name.contains(".node.")
            || id.getTag("partition") != null
            || id.getTag("topic") != null);
  }

  /** A registry with the JVM's and the process's own metrics bound. */
  public static Metrics start() {
    Metrics metrics = new Metrics();
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(metrics.registry);
    metrics.bound.add(gc);
    new JvmThreadMetrics().bindTo(metrics.registry);
    new JvmMemoryMetrics().bindTo(metrics.registry);
    new ClassLoaderMetrics().bindTo(metrics.registry);
    new ProcessorMetrics().bindTo(metrics.registry);
    new UptimeMetrics().bindTo(metrics.registry);
    new FileDescriptorMetrics().bindTo(metrics.registry);
    return metrics;
  }

  /** Where the app's parts register their meters. */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * Measures the running parts: both Kafka Streams applications' own metrics, how the read side
   * keeps up, the reports' activity, the processes and the dead-letter queue.
   */
  public void bind(MeteredParts parts) {
    StreamsMeters commands =
        new StreamsMeters(
            CommandProcessors.APPLICATION_ID,
            () -> Optional.of(parts.processors().streamsInstance().streams()),
            registry);
    StreamsMeters views =
        new StreamsMeters(
            ReadSide.APPLICATION_ID,
            () -> parts.views().streamsInstance().map(StreamsInstance::streams),
            registry);
    List.of(commands, views)
        .forEach(
            streams -> {
              beforeScrape(streams);
              bound.add(streams);
              streams.run();
            });
    ReadSideMeters.countReports(parts.reportActivity(), parts.reports(), registry);
    beforeScrape(
        new ReadSideMeters(
            parts.views(),
            parts.reports(),
            parts.topics(),
            List.of(parts.views().syncProbe(), parts.processors().processesSync()),
            registry));
    beforeScrape(
        new ProcessMeters(
            parts.processors().streamsInstance().streams(),
            parts.managers(),
            parts.deadLetters(),
            Clock.systemUTC(),
            registry));
  }

  /** Runs the action before each scrape, to bring the gauges it keeps up to date. */
  private void beforeScrape(Runnable refresh) {
    beforeScrape.add(refresh);
  }

  /** Every meter, in Prometheus's text format. */
  public String scrape() {
    beforeScrape.forEach(Runnable::run);
    return registry.scrape();
  }

  @Override
  public void close() {
    for (AutoCloseable binder : bound) {
      try {
        binder.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop a metrics binder", e);
      }
    }
    registry.close();
  }
}
