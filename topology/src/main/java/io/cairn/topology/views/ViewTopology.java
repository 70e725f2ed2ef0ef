package io.cairn.topology.views;

import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.serde.SpecificAvroSerde;
import io.cairn.topology.aggregate.AggregateType;
import io.cairn.topology.topics.CairnTopics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The read side as a function of a StreamsBuilder, called the same way by the app and by
 * TopologyTestDriver tests: every aggregate type's events feed its history store, and every view's
 * sources feed the view's store. Views read only the event log, never the write side's stores.
 */
public final class ViewTopology {
  private ViewTopology() {}

  /**
   * What the topology needs besides the types and views.
   *
   * @param topics the topic declarations
   * @param registry the schema registry client the event serde uses
   */
  public record Settings(CairnTopics topics, SchemaRegistryClient registry) {}

  /** Adds the histories and views to the builder. */
  public static void build(
      StreamsBuilder builder,
      List<AggregateType<?, ?, ?>> types,
      List<Projection<?>> projections,
      Settings settings) {
    Map<String, KStream<String, SourcedEvent>> events = new LinkedHashMap<>();
    for (AggregateType<?, ?, ?> type : types) {
      events.put(type.name(), history(builder, type, settings));
    }
    for (Projection<?> projection : projections) {
      view(builder, projection, events);
    }
  }

  private static KStream<String, SourcedEvent> history(
      StreamsBuilder builder, AggregateType<?, ?, ?> type, Settings settings) {
    String name = type.name();
    String store = ViewStores.history(name);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(store), Serdes.Bytes(), Serdes.ByteArray()));
    EventDecoder decoder = new EventDecoder(type);
    KStream<String, SourcedEvent> events =
        builder.stream(
                settings.topics().events(name).name(),
                Consumed.with(
                        Serdes.String(),
                        new SpecificAvroSerde<SpecificRecord>(settings.registry(), false, false))
                    .withName("views-" + name + "-events"))
            .mapValues(decoder::decode, Named.as("views-" + name + "-decode"));
    events.process(
        () -> new HistoryProcessor(store), Named.as("views-" + name + "-history"), store);
    return events;
  }

  private static <V> void view(
      StreamsBuilder builder,
      Projection<V> projection,
      Map<String, KStream<String, SourcedEvent>> events) {
    KStream<String, SourcedEvent> sources = null;
    for (String source : projection.sources()) {
      KStream<String, SourcedEvent> stream = events.get(source);
      if (stream == null) {
        throw new IllegalArgumentException(
            "view %s reads %s, which is not an aggregate type; known: %s"
                .formatted(projection.name(), source, events.keySet()));
      }
      sources = sources == null ? stream : sources.merge(stream);
    }
    String store = ViewStores.view(projection.name());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(store),
            Serdes.String(),
            JsonSerde.of(projection.viewType())));
    sources.process(
        () -> new ProjectionProcessor<>(projection), Named.as("view-" + projection.name()), store);
  }
}
