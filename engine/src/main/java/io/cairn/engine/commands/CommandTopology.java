package io.cairn.engine.commands;

import io.cairn.avro.replies.CommandReply;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.kafka.topics.ContractTopics;
import io.cairn.kafka.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

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
   * @param topics the topics with the contract's serdes
   * @param clock the clock events and replies are stamped with
   * @param idempotencyRetention how long the first answer to a keyed command is kept
   */
  public record Settings(ContractTopics topics, Clock clock, Duration idempotencyRetention) {}

  /** Adds every aggregate type's sub-topology to the builder. */
  public static void build(
      StreamsBuilder builder, List<BoundAggregate<?, ?, ?>> aggregates, Settings settings) {
    aggregates.forEach(aggregate -> add(builder, aggregate, settings));
  }

  private static <C, E, S> void add(
      StreamsBuilder builder, BoundAggregate<C, E, S> aggregate, Settings settings) {
    ContractTopics topics = settings.topics();
    WriteStores stores = WriteStores.of(aggregate, topics);
    builder.addStateStore(stores.aggregates().persistent());
    builder.addStateStore(stores.idempotency().persistent());

    String name = aggregate.name();
    Topic<String, SpecificRecord> commands = topics.commands(name);
    KStream<String, SpecificRecord> outputs =
        builder.stream(
                commands.name(),
                Consumed.with(commands.keySerde(), commands.valueSerde())
                    .withName(name + "-commands"))
            .process(
                () ->
                    new CommandProcessor<>(
                        aggregate, stores, settings.clock(), settings.idempotencyRetention()),
                Named.as(name + "-decider"),
                stores.aggregates().name(),
                stores.idempotency().name());
    String snapshotName = aggregate.envelopes().snapshot().getFullName();
    outputs
        .split(Named.as(name + "-"))
        .branch(
            (id, value) -> value instanceof CommandReply,
            Branched.withConsumer(s -> toReplies(s, topics.replies(), name), "replies"))
        .branch(
            (id, value) -> value.getSchema().getFullName().equals(snapshotName),
            Branched.withConsumer(s -> to(s, topics.state(name)), "state"))
        .defaultBranch(Branched.withConsumer(s -> to(s, topics.events(name)), "events"));
  }

  private static void to(KStream<String, SpecificRecord> stream, Topic<String, SpecificRecord> to) {
    stream.to(to.name(), produced(to));
  }

  private static void toReplies(
      KStream<String, SpecificRecord> stream, Topic<String, CommandReply> replies, String name) {
    stream
        .mapValues(CommandReply.class::cast, Named.as(name + "-reply"))
        .to(replies.name(), Produced.with(replies.keySerde(), replies.valueSerde()));
  }

  private static Produced<String, SpecificRecord> produced(Topic<String, SpecificRecord> topic) {
    return Produced.with(topic.keySerde(), topic.valueSerde());
  }
}
