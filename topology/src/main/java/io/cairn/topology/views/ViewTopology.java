package io.cairn.topology.views;

import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.serde.SpecificAvroSerde;
import io.cairn.topology.aggregate.AggregateType;
import io.cairn.topology.topics.CairnTopics;
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
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

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
  private final Serde<SourcedEvent> folded;
  private final Map<String, KStream<String, SourcedEvent>> events = new LinkedHashMap<>();
  private final Map<String, KStream<String, SourcedEvent>> repartitioned = new HashMap<>();

  /**
   * What the topology needs besides the types and views.
   *
   * @param topics the topic declarations
   * @param registry the schema registry client the event serde uses
   * @param lag where the views note how far they trail the event log
   * @param versionsRetention how long a view's past versions are kept for queries as of an instant;
   *     older instants are folded again from the event history
   * @param clock what says now when past versions are dropped: the clock queries as of an instant
   *     measure the retention with
   */
  public record Settings(
      CairnTopics topics,
      SchemaRegistryClient registry,
      ViewLag lag,
      Duration versionsRetention,
      Clock clock) {}

  private ViewTopology(
      StreamsBuilder builder, List<AggregateType<?, ?, ?>> types, Settings settings) {
    this.builder = builder;
    this.settings = settings;
    this.folded = new SourcedEventSerde(types).serde();
  }

  /** Adds the aggregates, histories and views to the builder. */
  public static void build(
      StreamsBuilder builder,
      List<AggregateType<?, ?, ?>> types,
      List<Projection<?>> projections,
      Settings settings) {
    ViewTopology topology = new ViewTopology(builder, types, settings);
    for (AggregateType<?, ?, ?> type : types) {
      topology.events.put(type.name(), topology.aggregate(type));
    }
    for (Projection<?> projection : projections) {
      topology.view(projection);
    }
  }

  private <E, S> KStream<String, SourcedEvent> aggregate(AggregateType<?, E, S> type) {
    String name = type.name();
    String states = ViewStores.aggregate(name);
    builder.addStateStore(jsonStore(states, AggregateEntry.class, type.state()));
    String history = ViewStores.history(name);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(history), Serdes.Bytes(), Serdes.ByteArray()));
    EventDecoder decoder = new EventDecoder(type);
    KStream<String, SourcedEvent> stream =
        builder.stream(
                settings.topics().events(name).name(),
                Consumed.with(
                        Serdes.String(),
                        new SpecificAvroSerde<SpecificRecord>(settings.registry(), false, false))
                    .withName("views-" + name + "-events"))
            .process(() -> new EventIntake(decoder), Named.as("views-" + name + "-decode"))
            .process(
                () -> new AggregateFold<>(type, settings.lag()),
                Named.as("views-" + name + "-fold"),
                states);
    stream.process(
        () -> new HistoryProcessor(history), Named.as("views-" + name + "-history"), history);
    return stream;
  }

  private <V> void view(Projection<V> projection) {
    KStream<String, SourcedEvent> sources = null;
    for (String source : projection.sources()) {
      KStream<String, SourcedEvent> stream = keyed(projection, source);
      sources = sources == null ? stream : sources.merge(stream);
    }
    String store = ViewStores.view(projection.name());
    builder.addStateStore(jsonStore(store, Stamped.class, projection.viewType()));
    List<String> stores = new ArrayList<>(List.of(store));
    if (ViewStores.keepsVersions(projection)) {
      String versions = ViewStores.versions(projection.name());
      builder.addStateStore(
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(versions), Serdes.Bytes(), Serdes.ByteArray()));
      stores.add(versions);
    }
    sources.process(
        () ->
            new ProjectionProcessor<>(
                projection, settings.lag(), settings.versionsRetention(), settings.clock()),
        Named.as("view-" + projection.name()),
        stores.toArray(String[]::new));
  }

  /** A RocksDB store by string key of a generic record, such as {@code Stamped<ProductView>}. */
  private static StoreBuilder<KeyValueStore<String, Object>> jsonStore(
      String name, Class<?> record, Class<?> parameter) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name),
        Serdes.String(),
        JsonSerde.of(
            ViewJson.MAPPER.getTypeFactory().constructParametricType(record, parameter),
            name + " entry"));
  }

  /** A source's events under the view's key: as they are, or repartitioned by another key. */
  private KStream<String, SourcedEvent> keyed(Projection<?> projection, String source) {
    KStream<String, SourcedEvent> stream = events.get(source);
    if (stream == null) {
      throw new IllegalArgumentException(
          "view %s reads %s, which is not an aggregate type; known: %s"
              .formatted(projection.name(), source, events.keySet()));
    }
    ViewKey key = projection.rekeyed().get(source);
    if (key == null) {
      return stream;
    }
    String name = "views-" + source + "-by-" + key.name();
    return repartitioned.computeIfAbsent(
        name,
        n ->
            stream
                .flatMap(
                    (id, event) -> {
                      String to = key.of().apply(event);
                      return to == null ? List.of() : List.of(KeyValue.pair(to, event));
                    },
                    Named.as(n + "-key"))
                .repartition(Repartitioned.with(Serdes.String(), folded).withName(n)));
  }
}
