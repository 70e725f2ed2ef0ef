package io.cairn.engine.views.topology;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.view.Projection;
import io.cairn.core.view.Source;
import io.cairn.core.view.ViewKey;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.engine.views.EventsTopology;
import io.cairn.engine.views.stores.AggregateEntry;
import io.cairn.engine.views.stores.DecodedEvent;
import io.cairn.engine.views.stores.ViewStores;
import io.cairn.kafka.stores.Store;
import io.cairn.kafka.topics.ContractTopics;
import io.cairn.kafka.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The read side as a function of a StreamsBuilder, called the same way by the app and by
 * TopologyTestDriver tests. Every aggregate type's events are decoded once, folded into their
 * aggregates' states and kept in a history store; every view's sources feed the view's store,
 * through a repartition by the view's key where it is not the aggregate id. Views read only the
 * event log, never the write side's stores.
 */
public final class ViewTopology {
  private final StreamsBuilder builder;
  private final Settings settings;
  private final Serde<DecodedEvent> folded;
  private final Map<String, KStream<String, DecodedEvent>> events = new LinkedHashMap<>();
  private final Map<String, KStream<String, DecodedEvent>> repartitioned = new HashMap<>();

  /**
   * What the topology needs besides the types and views.
   *
   * @param topics the topics with the contract's serdes
   * @param lag where the views note how far they trail the event log
   * @param versionsRetention how long a view's past versions are kept for queries as of an instant;
   *     older instants are folded again from the event history
   * @param clock what says now when past versions are dropped: the clock queries as of an instant
   *     measure the retention with
   */
  public record Settings(
      ContractTopics topics, ViewLag lag, Duration versionsRetention, Clock clock) {}

  private ViewTopology(
      StreamsBuilder builder, List<BoundAggregate<?, ?, ?>> aggregates, Settings settings) {
    this.builder = builder;
    this.settings = settings;
    this.folded =
        new DecodedEventSerde(
                aggregates.stream().<AggregateType<?, ?, ?>>map(BoundAggregate::type).toList())
            .serde();
  }

  /** Adds the aggregates, histories and views to the builder. */
  public static void build(
      StreamsBuilder builder,
      List<BoundAggregate<?, ?, ?>> aggregates,
      List<Projection<?>> projections,
      Settings settings) {
    build(builder, aggregates, projections, List.of(), settings);
  }

  /** Adds the aggregates, histories and views to the builder, and what more reads their events. */
  public static void build(
      StreamsBuilder builder,
      List<BoundAggregate<?, ?, ?>> aggregates,
      List<Projection<?>> projections,
      List<EventsTopology> more,
      Settings settings) {
    ViewTopology topology = new ViewTopology(builder, aggregates, settings);
    for (BoundAggregate<?, ?, ?> aggregate : aggregates) {
      topology.events.put(aggregate.name(), topology.aggregate(aggregate));
    }
    for (Projection<?> projection : projections) {
      topology.view(projection);
    }
    Map<String, KStream<String, DecodedEvent>> events = Map.copyOf(topology.events);
    more.forEach(extension -> extension.build(builder, events));
  }

  private <E, S> KStream<String, DecodedEvent> aggregate(BoundAggregate<?, E, S> aggregate) {
    String name = aggregate.name();
    Store<String, AggregateEntry<S>> states = ViewStores.aggregates(aggregate.type());
    Store<Bytes, byte[]> history = ViewStores.history(aggregate.type());
    builder.addStateStore(states.persistent());
    builder.addStateStore(history.persistent());
    EventDecoder decoder = new EventDecoder(aggregate);
    Topic<String, SpecificRecord> log = settings.topics().events(name);
    KStream<String, DecodedEvent> stream =
        builder.stream(
                log.name(),
                Consumed.with(log.keySerde(), log.valueSerde())
                    .withName("views-" + name + "-events"))
            .process(() -> new DecodingProcessor(decoder), Named.as("views-" + name + "-decode"))
            .process(
                () -> new AggregateFold<>(aggregate.type(), states, settings.lag()),
                Named.as("views-" + name + "-fold"),
                states.name());
    stream.process(
        () -> new HistoryProcessor(history),
        Named.as("views-" + name + "-history"),
        history.name());
    return stream;
  }

  private <V> void view(Projection<V> projection) {
    KStream<String, DecodedEvent> sources = null;
    for (Source<V, ?, ?> source : projection.sources()) {
      KStream<String, DecodedEvent> stream = keyed(projection, source);
      sources = sources == null ? stream : sources.merge(stream);
    }
    Store<String, ?> view = ViewStores.view(projection);
    builder.addStateStore(view.persistent());
    List<String> stores = new ArrayList<>(List.of(view.name()));
    if (ViewStores.keepsVersions(projection)) {
      Store<Bytes, byte[]> versions = ViewStores.versions(projection);
      builder.addStateStore(versions.persistent());
      stores.add(versions.name());
    }
    sources.process(
        () ->
            new ProjectionProcessor<>(
                projection, settings.lag(), settings.versionsRetention(), settings.clock()),
        Named.as("view-" + projection.name()),
        stores.toArray(String[]::new));
  }

  /** A source's events under the view's key: as they are, or repartitioned by another key. */
  private <V, E, S> KStream<String, DecodedEvent> keyed(
      Projection<V> projection, Source<V, E, S> source) {
    AggregateType<?, E, S> type = source.type();
    KStream<String, DecodedEvent> stream = events.get(type.name());
    if (stream == null) {
      throw new IllegalArgumentException(
          "view %s reads %s, which is not an aggregate type; known: %s"
              .formatted(projection.name(), type.name(), events.keySet()));
    }
    if (source.key().isEmpty()) {
      return stream;
    }
    ViewKey<S> key = source.key().get();
    return repartitioned.computeIfAbsent(
        ViewStores.repartition(type, key),
        name ->
            stream
                .flatMap(
                    (id, event) -> {
                      String to = source.keyOf(event.aggregate());
                      return to == null ? List.of() : List.of(KeyValue.pair(to, event));
                    },
                    Named.as(name + "-key"))
                .repartition(Repartitioned.with(Serdes.String(), folded).withName(name)));
  }
}
