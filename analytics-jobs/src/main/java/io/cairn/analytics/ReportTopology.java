package io.cairn.analytics;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.report.Report;
import io.cairn.engine.views.EventsTopology;
import io.cairn.engine.views.stores.DecodedEvent;
import io.cairn.engine.views.stores.JsonSerde;
import io.cairn.engine.views.stores.ViewJson;
import io.cairn.kafka.stores.Store;
import io.cairn.kafka.topics.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The reports as a function of a StreamsBuilder, in the views application: each source's events
 * become the report's deltas, repartitioned by the report's key ({@code
 * cairn-views-report-<name>-repartition}), folded into the report's windows, and each window
 * published to {@code cairn.reports.<name>} once it has closed. Called the same way by the app and
 * by TopologyTestDriver tests.
 */
public final class ReportTopology implements EventsTopology {
  private final List<Report<?, ?>> reports;
  private final ReportSettings settings;
  private final ReportTopics topics;
  private final Map<String, ReportActivity> activity = new ConcurrentHashMap<>();

  /** The topology of these reports, kept as the settings say, publishing to these topics. */
  public ReportTopology(List<Report<?, ?>> reports, ReportSettings settings, ReportTopics topics) {
    this.reports = List.copyOf(reports);
    this.settings = settings;
    this.topics = topics;
  }

  /**
   * What each report has done since the views started or were last rebuilt: windows it left an
   * event out of, the event arriving beyond the grace period, deltas, and its processors' time.
   */
  public Map<String, ReportActivity.Counts> activity() {
    Map<String, ReportActivity.Counts> counts = new TreeMap<>();
    reports.forEach(r -> counts.put(r.name(), activityOf(r).counts()));
    return counts;
  }

  private ReportActivity activityOf(Report<?, ?> report) {
    return activity.computeIfAbsent(report.name(), n -> new ReportActivity());
  }

  /** Builds the reports; their activity starts again, as a rebuild folds every event again. */
  @Override
  public void build(StreamsBuilder builder, Map<String, KStream<String, DecodedEvent>> events) {
    activity.clear();
    for (Report<?, ?> report : reports) {
      add(builder, events, report);
    }
  }

  private <D, A> void add(
      StreamsBuilder builder,
      Map<String, KStream<String, DecodedEvent>> events,
      Report<D, A> report) {
    String name = "report-" + report.name();
    ReportActivity done = activityOf(report);
    DeltaForwarder<D> forwarder = new DeltaForwarder<>(report, settings, done);
    KStream<String, WindowDelta<D>> deltas = null;
    for (AggregateType<?, ?, ?> type : report.sources()) {
      KStream<String, DecodedEvent> source = events.get(type.name());
      if (source == null) {
        throw new IllegalArgumentException(
            report.name() + " reads " + type.name() + ", which the views do not");
      }
      KStream<String, WindowDelta<D>> stream =
          deltas(builder, source, report, type.name(), forwarder, done);
      deltas =
          deltas == null ? stream : deltas.merge(stream, Named.as(name + "-merge-" + type.name()));
    }
    Store<String, A> windows = ReportStores.windows(report);
    Store<String, String> closing = ReportStores.closing(report);
    builder.addStateStore(windows.persistent());
    builder.addStateStore(closing.persistent());
    Topic<String, GenericRecord> published = topics.of(report);
    deltas
        .repartition(Repartitioned.with(Serdes.String(), windowDeltas(report)).withName(name))
        .process(
            () -> new WindowFold<>(report, settings, done),
            Named.as(name + "-fold"),
            windows.name(),
            closing.name())
        .to(
            published.name(),
            Produced.with(published.keySerde(), published.valueSerde())
                .withName(name + "-published"));
  }

  private <D> KStream<String, WindowDelta<D>> deltas(
      StreamsBuilder builder,
      KStream<String, DecodedEvent> source,
      Report<D, ?> report,
      String type,
      DeltaForwarder<D> forwarder,
      ReportActivity activity) {
    Named named = Named.as("report-" + report.name() + "-" + type);
    Optional<Report.Tracked<D>> tracked = report.tracked(type);
    if (tracked.isEmpty()) {
      return source.process(() -> new ContributionProcessor<>(report, forwarder, activity), named);
    }
    var memories = ReportStores.memories(report, type, tracked.get().memory());
    var idleEnds = ReportStores.idleEnds(report, type);
    builder.addStateStore(memories.persistent());
    List<String> stores = new ArrayList<>(List.of(memories.name()));
    if (tracked.get().idle().isPresent()) {
      builder.addStateStore(idleEnds.persistent());
      stores.add(idleEnds.name());
    }
    return source.process(
        () ->
            new TrackingProcessor<>(
                tracked.get(), memories, idleEnds, forwarder, activity, settings.caughtUpAfter()),
        named,
        stores.toArray(String[]::new));
  }

  private static <D> Serde<WindowDelta<D>> windowDeltas(Report<D, ?> report) {
    return JsonSerde.of(
        ViewJson.MAPPER
            .getTypeFactory()
            .constructParametricType(WindowDelta.class, report.deltas()),
        "delta of " + report.name());
  }
}
