package io.cairn.topology.aggregate;

import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.replies.CommandReply;
import io.cairn.avro.serde.SpecificAvroSerde;
import io.cairn.topology.topics.CairnTopics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The write side as a function of a StreamsBuilder, called the same way by the app and by
 * TopologyTestDriver tests: one sub-topology per aggregate type, from its commands topic, through
 * its {@link CommandProcessor} and stores, to its events, state and the shared replies topic.
 */
public final class CommandTopology {
  private CommandTopology() {}

  /**
   * What the topology needs besides the aggregate types.
   *
   * @param topics the topic declarations
   * @param registry the schema registry client every serde shares
   * @param autoRegister whether the serdes register missing schemas of the public topics
   * @param clock the clock events and replies are stamped with
   * @param idempotencyRetention how long the first answer to a keyed command is kept
   */
  public record Settings(
      CairnTopics topics,
      SchemaRegistryClient registry,
      boolean autoRegister,
      Clock clock,
      Duration idempotencyRetention) {}

  /** Adds every aggregate type's sub-topology to the builder. */
  public static void build(
      StreamsBuilder builder, List<AggregateType<?, ?, ?>> types, Settings settings) {
    types.forEach(type -> add(builder, type, settings));
  }

  private static <C, E, S> void add(
      StreamsBuilder builder, AggregateType<C, E, S> type, Settings settings) {
    Serde<SpecificRecord> contract =
        new SpecificAvroSerde<>(settings.registry(), settings.autoRegister(), false);
    // Store changelogs are internal: their subjects are registered whatever auto-registration says.
    Serde<SpecificRecord> snapshots = new SpecificAvroSerde<>(settings.registry(), true, false);
    Serde<CommandReply> answers = new SpecificAvroSerde<>(settings.registry(), true, false);
    StoreNames stores = StoreNames.of(type);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(stores.aggregates()), Serdes.String(), snapshots));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(stores.idempotency()), Serdes.String(), answers));

    String name = type.name();
    KStream<String, SpecificRecord> outputs =
        builder.stream(
                settings.topics().commands(name).name(),
                Consumed.with(Serdes.String(), contract).withName(name + "-commands"))
            .process(
                () ->
                    new CommandProcessor<>(
                        type, stores, settings.clock(), settings.idempotencyRetention()),
                Named.as(name + "-decider"),
                stores.aggregates(),
                stores.idempotency());
    Produced<String, SpecificRecord> produced = Produced.with(Serdes.String(), contract);
    String snapshotName = type.snapshot().getFullName();
    outputs
        .split(Named.as(name + "-"))
        .branch(
            (id, value) -> value instanceof CommandReply,
            Branched.withConsumer(
                s -> s.to(settings.topics().commandReplies().name(), produced), "replies"))
        .branch(
            (id, value) -> value.getSchema().getFullName().equals(snapshotName),
            Branched.withConsumer(
                s -> s.to(settings.topics().state(name).name(), produced), "state"))
        .defaultBranch(
            Branched.withConsumer(
                s -> s.to(settings.topics().events(name).name(), produced), "events"));
  }
}
