package io.cairn.engine.reactions;

import io.cairn.engine.sync.Progress;
import io.cairn.engine.views.stores.JsonSerde;
import io.cairn.kafka.topics.TopicSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The process managers' sub-topology, in the command processors' application: the messages and
 * outcomes the command processors forward, keyed by process id, go through one topic, {@link
 * io.cairn.kafka.topics.CairnTopics#processInputs()}, to the partition that owns the process, where
 * its {@link ProcessManagerProcessor} answers them with commands. The topic is written and read in
 * the application's transactions. It is one topic rather than a repartition per source so that the
 * aggregate types' sub-topologies stay apart.
 */
public final class ProcessTopology {
  private ProcessTopology() {}

  /**
   * What the process managers need besides their inputs.
   *
   * @param inputs the topic their inputs travel through
   * @param clock the clock deadlines are checked against
   * @param retention how long an ended process is kept to be looked at
   * @param progress where each process manager notes its latest input, for the sync monitor
   */
  public record Settings(TopicSpec inputs, Clock clock, Duration retention, Progress progress) {}

  /** Adds the process managers' sub-topology, fed by the given streams of inputs. */
  public static void build(
      List<KStream<String, ProcessInput>> inputs,
      List<ProcessRunner<?, ?>> processes,
      CommandSink commands,
      Settings settings,
      StreamsBuilder builder) {
    if (processes.isEmpty()) {
      return;
    }
    Serde<ProcessInput> serde = JsonSerde.of(ProcessInput.class);
    String topic = settings.inputs().name();
    inputs.forEach(stream -> stream.to(topic, Produced.with(Serdes.String(), serde)));
    KStream<String, ProcessInput> all =
        builder.stream(topic, Consumed.with(Serdes.String(), serde).withName("process-inputs"));
    for (ProcessRunner<?, ?> process : processes) {
      add(all, process, commands, settings, builder);
    }
  }

  private static void add(
      KStream<String, ProcessInput> all,
      ProcessRunner<?, ?> process,
      CommandSink commands,
      Settings settings,
      StreamsBuilder builder) {
    String name = process.name();
    ProcessStores stores = ProcessStores.of(name);
    builder.addStateStore(stores.instances().persistent());
    builder.addStateStore(stores.deadlines().persistent());
    KStream<String, SpecificRecord> sent =
        all.filter(
                (id, input) -> input.manager().equals(name),
                Named.as("process-" + name + "-inputs"))
            .process(
                () -> new ProcessManagerProcessor(process, stores, settings),
                Named.as("process-" + name),
                stores.instances().name(),
                stores.deadlines().name());
    commands.sendTo(sent);
  }
}
