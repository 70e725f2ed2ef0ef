package io.cairn.app.metrics;

import io.cairn.analytics.ReportActivity;
import io.cairn.core.report.Report;
import io.cairn.engine.streams.ConsumerLag;
import io.cairn.engine.sync.SyncProbe;
import io.cairn.engine.sync.SyncReading;
import io.cairn.engine.views.ReadSide;
import io.cairn.engine.views.ViewStatus;
import io.cairn.engine.views.ViewsRun;
import io.cairn.kafka.topics.CairnTopics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How the read side keeps up, as gauges brought up to date at each scrape: each view's end-to-end
 * lag and the records its consumers have yet to read, each report's records yet to read, and the
 * lag of every view and process manager as the sync monitor reads it; and each report's late
 * events, deltas and processing time as counters.
 */
final class ReadSideMeters implements Runnable {
  private static final double MILLIS_PER_SECOND = 1_000.0;

  private final ReadSide views;
  private final List<Report<?, ?>> reports;
  private final CairnTopics topics;
  private final List<SyncProbe> probes;
  private final MultiGauge viewLag;
  private final MultiGauge viewRecordsBehind;
  private final MultiGauge reportRecordsBehind;
  private final MultiGauge syncLag;

  ReadSideMeters(
      ReadSide views,
      List<Report<?, ?>> reports,
      CairnTopics topics,
      List<SyncProbe> probes,
      MeterRegistry registry) {
    this.views = views;
    this.reports = List.copyOf(reports);
    this.topics = topics;
    this.probes = List.copyOf(probes);
    this.viewLag =
        MultiGauge.builder("cairn.view.lag")
            .description("A view's end-to-end lag over the last minute, from append to fold")
            .baseUnit("seconds")
            .register(registry);
    this.viewRecordsBehind =
        MultiGauge.builder("cairn.view.records.behind")
            .description("Records of its sources a view's consumers have yet to read")
            .register(registry);
    this.reportRecordsBehind =
        MultiGauge.builder("cairn.report.records.behind")
            .description("Records of its sources a report's consumers have yet to read")
            .register(registry);
    this.syncLag =
        MultiGauge.builder("cairn.sync.lag")
            .description("How far a view or process manager trailed the log at its last fold")
            .baseUnit("seconds")
            .register(registry);
  }

  /** Counts each report's activity since the views' start or last rebuild. */
  static void countReports(
      Supplier<Map<String, ReportActivity.Counts>> activity,
      List<Report<?, ?>> reports,
      MeterRegistry registry) {
    for (Report<?, ?> report : reports) {
      Supplier<Optional<ReportActivity.Counts>> counts =
          () -> Optional.ofNullable(activity.get().get(report.name()));
      FunctionCounter.builder(
              "cairn.report.late.events",
              counts,
              c -> c.get().map(ReportActivity.Counts::lateBeyondGrace).orElse(0L))
          .description("Events that came after their window's grace, and were left out")
          .tag("report", report.name())
          .register(registry);
      FunctionCounter.builder(
              "cairn.report.deltas",
              counts,
              c -> c.get().map(ReportActivity.Counts::deltas).orElse(0L))
          .description("Contributions the report's windows took")
          .tag("report", report.name())
          .register(registry);
      FunctionCounter.builder(
              "cairn.report.processing",
              counts,
              c -> c.get().map(ReportActivity.Counts::processingSeconds).orElse(0.0))
          .description("Stream-thread time the report's processors spent")
          .baseUnit("seconds")
          .tag("report", report.name())
          .register(registry);
    }
  }

  @Override
  public void run() {
    Optional<ViewsRun> run = views.availability().run();
    List<MultiGauge.Row<?>> lag = new ArrayList<>();
    List<MultiGauge.Row<?>> behind = new ArrayList<>();
    List<MultiGauge.Row<?>> reportsBehind = new ArrayList<>();
    run.ifPresent(
        current -> {
          for (ViewStatus.Entry view : current.status().all()) {
            Tags tags = Tags.of("view", view.name());
            lag.add(
                row(tags.and("quantile", "0.5"), view.endToEndLag().p50Ms() / MILLIS_PER_SECOND));
            lag.add(
                row(tags.and("quantile", "0.99"), view.endToEndLag().p99Ms() / MILLIS_PER_SECOND));
            behind.add(row(tags, view.consumerLagRecords()));
          }
          Map<String, Long> byTopic = ConsumerLag.byTopic(current.streams().metrics());
          for (Report<?, ?> report : reports) {
            long records =
                report.sources().stream()
                    .mapToLong(type -> byTopic.getOrDefault(topics.events(type.name()).name(), 0L))
                    .sum();
            reportsBehind.add(row(Tags.of("report", report.name()), records));
          }
        });
    viewLag.register(lag, true);
    viewRecordsBehind.register(behind, true);
    reportRecordsBehind.register(reportsBehind, true);
    syncLag.register(syncRows(), true);
  }

  private List<MultiGauge.Row<?>> syncRows() {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (SyncProbe probe : probes) {
      for (SyncReading reading : probe.read()) {
        if (reading.stopped() == null && reading.lastLag() != null) {
          rows.add(
              row(
                  Tags.of("kind", reading.kind(), "name", reading.name()),
                  reading.lastLag().toMillis() / MILLIS_PER_SECOND));
        }
      }
    }
    return rows;
  }

  private static MultiGauge.Row<?> row(Tags tags, double value) {
    return MultiGauge.Row.of(tags, value);
  }
}
