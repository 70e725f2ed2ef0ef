package io.cairn.engine.commands;

import io.cairn.avro.replies.CommandReply;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.engine.reactions.CommandSink;
import io.cairn.engine.reactions.InboxTopology;
import io.cairn.engine.reactions.ProcessInput;
import io.cairn.engine.reactions.ProcessTopology;
import io.cairn.engine.reactions.Reactions;
import io.cairn.engine.sync.Progress;
import io.cairn.kafka.topics.ContractTopics;
import io.cairn.kafka.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The write side as a function of a StreamsBuilder, called the same way by the app and by
 * TopologyTestDriver tests: one sub-topology per aggregate type, from its commands topic, through
 * its {@link CommandProcessor} and stores, to its events, state and the shared replies topic, and
 * on to the commands its policies send and the process managers that hear its events.
 */
public final class CommandTopology {
  /** The value of a record the processors wrote as bytes themselves; never read back here. */
  private static final Serde<Output> RAW_VALUES =
      Serdes.serdeFrom(
          (topic, out) -> ((Output.Raw) out).record().value(),
          (topic, bytes) -> {
            throw new UnsupportedOperationException("raw records are written, not read");
          });

  private CommandTopology() {}

  /**
   * What the topology needs besides the aggregate types.
   *
   * @param application the application's id, which dead letters name
   * @param topics the topics with the contract's serdes
   * @param reactions the policies and process managers the appended events reach
   * @param clock the clock events and replies are stamped with
   * @param retention how long what is kept for a while is kept
   * @param progress where the process managers note their latest inputs, for the sync monitor
   */
  public record Settings(
      String application,
      ContractTopics topics,
      Reactions reactions,
      Clock clock,
      Retention retention,
      Progress progress) {

    /** Settings whose process managers' progress nothing reads. */
    public Settings(
        String application,
        ContractTopics topics,
        Reactions reactions,
        Clock clock,
        Retention retention) {
      this(application, topics, reactions, clock, retention, new Progress(clock));
    }
  }

  /**
   * How long the processors keep what they keep only for a while.
   *
   * @param idempotency the first answer to a command sent with an Idempotency-Key
   * @param processes a process that has ended
   * @param inbox the source and id of an event an inbox applied
   */
  public record Retention(Duration idempotency, Duration processes, Duration inbox) {}

  /** Adds every aggregate type's sub-topology to the builder, and its reactions'. */
  public static void build(
      StreamsBuilder builder, List<BoundAggregate<?, ?, ?>> aggregates, Settings settings) {
    CommandSink commands = new CommandSink(aggregates, settings.topics());
    List<KStream<String, ProcessInput>> toProcesses = new ArrayList<>();
    aggregates.forEach(aggregate -> toProcesses.add(add(builder, aggregate, commands, settings)));
    ProcessTopology.build(
        toProcesses,
        settings.reactions().processes(),
        commands,
        new ProcessTopology.Settings(
            settings.topics().declared().processInputs(),
            settings.clock(),
            settings.retention().processes(),
            settings.progress()),
        builder);
    InboxTopology.build(
        builder,
        settings.reactions().inboxes(),
        settings.reactions().writer(),
        commands,
        new InboxTopology.Settings(
            settings.topics().declared(),
            settings.topics().anySchema().deserializer(),
            settings.clock(),
            settings.retention().inbox()));
  }

  private static <C, E, S> KStream<String, ProcessInput> add(
      StreamsBuilder builder,
      BoundAggregate<C, E, S> aggregate,
      CommandSink commands,
      Settings settings) {
    ContractTopics topics = settings.topics();
    WriteStores stores = WriteStores.of(aggregate, topics);
    builder.addStateStore(stores.aggregates().persistent());
    builder.addStateStore(stores.idempotency().persistent());

    String name = aggregate.name();
    Topic<String, SpecificRecord> incoming = topics.commands(name);
    DeadLetterWriter deadLetters =
        new DeadLetterWriter(
            topics.declared().deadLetters().name(),
            settings.application(),
            incoming,
            topics.events(name));
    KStream<String, Output> outputs =
        builder.stream(
                incoming.name(),
                Consumed.with(incoming.keySerde(), incoming.valueSerde())
                    .withName(name + "-commands"))
            .process(
                () ->
                    new CommandProcessor<>(
                        aggregate,
                        stores,
                        new ReactionOutputs(name, settings.reactions(), deadLetters),
                        settings.clock(),
                        settings.retention().idempotency(),
                        topics.vault()),
                Named.as(name + "-decider"),
                stores.aggregates().name(),
                stores.idempotency().name());
    Map<String, KStream<String, Output>> branches =
        outputs
            .split(Named.as(name + "-"))
            .branch((id, out) -> out instanceof Output.Event, Branched.as("events"))
            .branch((id, out) -> out instanceof Output.State, Branched.as("state"))
            .branch((id, out) -> out instanceof Output.Reply, Branched.as("replies"))
            .branch((id, out) -> out instanceof Output.Command, Branched.as("caused"))
            .branch((id, out) -> out instanceof Output.Raw, Branched.as("raw"))
            .defaultBranch(Branched.as("to-processes"));
    to(
        branches.get(name + "-events").mapValues(o -> ((Output.Event) o).envelope()),
        topics.events(name));
    to(
        branches.get(name + "-state").mapValues(o -> ((Output.State) o).snapshot()),
        topics.state(name));
    Topic<String, CommandReply> replies = topics.replies();
    branches
        .get(name + "-replies")
        .mapValues(o -> ((Output.Reply) o).reply(), Named.as(name + "-reply"))
        .to(replies.name(), Produced.with(replies.keySerde(), replies.valueSerde()));
    branches
        .get(name + "-raw")
        .map(
            (id, out) -> KeyValue.pair(((Output.Raw) out).record().key(), out),
            Named.as(name + "-raw-keys"))
        .to(
            (key, out, context) -> ((Output.Raw) out).record().topic(),
            Produced.with(Serdes.ByteArray(), RAW_VALUES));
    commands.sendTo(branches.get(name + "-caused").mapValues(o -> ((Output.Command) o).envelope()));
    return branches.get(name + "-to-processes").mapValues(o -> ((Output.ToProcess) o).input());
  }

  private static void to(KStream<String, SpecificRecord> stream, Topic<String, SpecificRecord> to) {
    stream.to(to.name(), Produced.with(to.keySerde(), to.valueSerde()));
  }
}
