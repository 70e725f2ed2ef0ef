package io.cairn.engine.views;

import io.cairn.core.view.Projection;
import io.cairn.core.view.Source;
import io.cairn.engine.streams.ConsumerLag;
import io.cairn.engine.streams.SkippedRecords;
import io.cairn.engine.sync.Progress;
import io.cairn.engine.sync.SyncReading;
import io.cairn.engine.views.stores.ViewStores;
import io.cairn.engine.views.topology.ViewLag;
import io.cairn.kafka.topics.CairnTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;

/**
 * How far each view trails the event log: the end-to-end lag of the events it folded in the last
 * minute, and its consumers' lag in records on the topics it reads (its sources' event topics, and
 * the repartition topic of a view filed under another key).
 */
public final class ViewStatus {
  /** What a view is in sync readings. */
  public static final String SYNC_KIND = "view";

  private final KafkaStreams streams;
  private final List<Projection<?>> views;
  private final CairnTopics topics;
  private final ViewLag lag;
  private final SkippedRecords skipped;

  /**
   * @param streams the views application, whose consumers' metrics give the records lag
   * @param views the views it keeps
   * @param topics the topic declarations
   * @param lag the end-to-end lag the views note
   * @param skipped the events the views application passed over
   */
  public ViewStatus(
      KafkaStreams streams,
      List<Projection<?>> views,
      CairnTopics topics,
      ViewLag lag,
      SkippedRecords skipped) {
    this.streams = streams;
    this.views = List.copyOf(views);
    this.topics = topics;
    this.lag = lag;
    this.skipped = skipped;
  }

  /** The views application's state ({@code RUNNING}, {@code REBALANCING}, ...). */
  public String state() {
    return streams.state().name();
  }

  /** The names of the views. */
  public List<String> names() {
    return views.stream().map(Projection::name).sorted().toList();
  }

  /** The events the views passed over, by topic and type: those of types this code lacks. */
  public List<SkippedRecords.Count> skipped() {
    return skipped.all();
  }

  /** Every view's status, by name. */
  public List<Entry> all() {
    Map<String, Long> behind = ConsumerLag.byTopic(streams.metrics());
    List<Entry> entries = new ArrayList<>();
    for (Projection<?> view : views) {
      entries.add(entry(view, behind));
    }
    entries.sort((a, b) -> a.name().compareTo(b.name()));
    return entries;
  }

  /**
   * How each view keeps up, for the sync monitor: stopped with the application when it is not
   * running, else whether records wait for it and its latest fold.
   */
  public List<SyncReading> sync() {
    KafkaStreams.State state = streams.state();
    boolean running =
        state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    List<SyncReading> readings = new ArrayList<>();
    for (Entry entry : all()) {
      if (!running) {
        readings.add(
            SyncReading.stopped(SYNC_KIND, entry.name(), "the views application is " + state));
        continue;
      }
      Optional<Progress.Latest> latest = lag.progress().latest(entry.name());
      readings.add(
          SyncReading.running(
              SYNC_KIND,
              entry.name(),
              entry.consumerLagRecords() > 0,
              latest.map(Progress.Latest::at).orElse(null),
              latest.map(Progress.Latest::lag).orElse(Duration.ZERO)));
    }
    return readings;
  }

  /** One view's status. */
  public Entry of(String name) {
    Projection<?> view =
        views.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    return entry(view, ConsumerLag.byTopic(streams.metrics()));
  }

  private Entry entry(Projection<?> view, Map<String, Long> behindByTopic) {
    Set<String> read = new HashSet<>();
    Set<String> repartitions = new HashSet<>();
    for (Source<?, ?, ?> source : view.sources()) {
      read.add(topics.events(source.type().name()).name());
      // Kafka Streams prefixes the application id to the topic the views name.
      source
          .key()
          .ifPresent(
              key ->
                  repartitions.add(
                      "-" + ViewStores.repartition(source.type(), key) + "-repartition"));
    }
    long behind =
        behindByTopic.entrySet().stream()
            .filter(
                topic ->
                    read.contains(topic.getKey())
                        || repartitions.stream().anyMatch(topic.getKey()::endsWith))
            .mapToLong(Map.Entry::getValue)
            .sum();
    ViewLag.Snapshot snapshot = lag.snapshot(view.name());
    return new Entry(
        view.name(),
        view.sources().stream().map(source -> source.type().name()).sorted().toList(),
        new Lag(snapshot.events(), snapshot.p50Ms(), snapshot.p99Ms()),
        behind,
        skipped.on(read));
  }

  /**
   * A view's status.
   *
   * @param name the view
   * @param sources the aggregate types it reads
   * @param endToEndLag from an event's append to its arrival in the view, over the last minute
   * @param consumerLagRecords records its consumers have yet to read, summed over partitions
   * @param skippedEvents events of its sources passed over, unknown to this code or unreadable
   */
  public record Entry(
      String name,
      List<String> sources,
      Lag endToEndLag,
      long consumerLagRecords,
      long skippedEvents) {}

  /**
   * End-to-end lag over the last minute.
   *
   * @param events how many events the view folded in that minute
   * @param p50Ms the median, in milliseconds
   * @param p99Ms the 99th percentile, in milliseconds
   */
  public record Lag(long events, long p50Ms, long p99Ms) {}
}
