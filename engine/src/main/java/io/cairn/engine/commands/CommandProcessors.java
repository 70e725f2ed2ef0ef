package io.cairn.engine.commands;

import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.engine.reactions.ProcessRunner;
import io.cairn.engine.reactions.ProcessesSync;
import io.cairn.engine.reactions.Reactions;
import io.cairn.engine.streams.SkippedRecords;
import io.cairn.engine.streams.StreamsInstance;
import io.cairn.engine.streams.StreamsProperties;
import io.cairn.engine.streams.StreamsSettings;
import io.cairn.engine.streams.TaskIdling;
import io.cairn.engine.streams.ThreadReplacement;
import io.cairn.engine.sync.Progress;
import io.cairn.engine.sync.SyncProbe;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.topics.ContractTopics;
import io.cairn.kafka.topics.TopicDefaults;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command processors as they run: every aggregate type's sub-topology, and the process
 * managers', in one exactly-once Kafka Streams application, {@value #APPLICATION_ID}.
 */
public final class CommandProcessors implements AutoCloseable {
  /** The command processors' Kafka Streams application id. */
  public static final String APPLICATION_ID = "cairn-commands";

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  /**
   * The changelog of an aggregate type's store of snapshots, which Kafka Streams restores the store
   * from, and a rebuild of the write side writes.
   */
  public static String aggregatesChangelog(String type) {
    return APPLICATION_ID + "-" + WriteStores.aggregatesStore(type) + "-changelog";
  }

  private static final Logger log = LoggerFactory.getLogger(CommandProcessors.class);

  private final KafkaStreams streams;
  private final SkippedRecords skipped;
  private final AtomicBoolean hasRun = new AtomicBoolean();
  private final SyncProbe processesSync;
  private final Optional<String> held;

  private CommandProcessors(
      KafkaStreams streams,
      SkippedRecords skipped,
      SyncProbe processesSync,
      Optional<String> held) {
    this.streams = streams;
    this.skipped = skipped;
    this.processesSync = processesSync;
    this.held = held;
  }

  /**
   * Starts the processors.
   *
   * @param settings how the application runs
   * @param replication the topics' replication, which the processors' changelogs share
   * @param aggregates the aggregate types, bound to the contract
   * @param topics the topics with the contract's serdes
   * @param reactions the policies and process managers the appended events reach
   * @param self where this instance answers queries of the processes' stores
   * @param retention how long what the processors keep for a while is kept
   * @param held why the processors must not start, if they must not: they are then built but not
   *     started, and every command is refused
   */
  public static CommandProcessors start(
      StreamsSettings settings,
      TopicDefaults replication,
      List<BoundAggregate<?, ?, ?>> aggregates,
      KafkaConnection kafka,
      ContractTopics topics,
      Reactions reactions,
      HostInfo self,
      CommandTopology.Retention retention,
      Optional<String> held) {
    StreamsBuilder builder = new StreamsBuilder();
    Clock clock = Clock.systemUTC();
    Progress progress = new Progress(clock);
    CommandTopology.build(
        builder,
        aggregates,
        new CommandTopology.Settings(
            APPLICATION_ID, topics, reactions, clock, retention, progress));
    SkippedRecords skipped = SkippedRecords.register(APPLICATION_ID);
    Properties props =
        StreamsProperties.exactlyOnce(
            APPLICATION_ID,
            settings,
            replication,
            kafka,
            skipped,
            topics.declared().deadLetters().name());
    // Each instance says where its processes are shown, so the others can forward to it.
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    Topology topology = builder.build();
    TaskIdling.offWhereOneInput(props, topology.describe());
    KafkaStreams streams = new KafkaStreams(topology, props);
    streams.setUncaughtExceptionHandler(new ThreadReplacement(APPLICATION_ID, clock));
    List<String> managers = reactions.processes().stream().map(ProcessRunner::name).toList();
    CommandProcessors processors =
        new CommandProcessors(
            streams,
            skipped,
            new ProcessesSync(
                streams, topics.declared().processInputs().name(), managers, progress),
            held);
    processors.streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            processors.hasRun.set(true);
          }
        });
    held.ifPresentOrElse(
        why -> log.error("The command processors are not started: {}", why),
        processors.streams::start);
    return processors;
  }

  /**
   * Whether a command sent now will be processed. Once the processors have run, commands sent
   * during a later rebalance wait briefly and are processed once it ends; before the first
   * assignment they could only time out.
   */
  public boolean accepting() {
    KafkaStreams.State state = streams.state();
    return state == KafkaStreams.State.RUNNING
        || (hasRun.get() && state == KafkaStreams.State.REBALANCING);
  }

  /** Why the processors were not started, if they were not: until then no command is taken. */
  public Optional<String> held() {
    return held;
  }

  /** The commands the processors passed over, such as those of a type newer code sent. */
  public SkippedRecords skipped() {
    return skipped;
  }

  /** How each process manager keeps up with the event log, for the sync monitor. */
  public SyncProbe processesSync() {
    return processesSync;
  }

  /** The processors, for readiness. */
  public StreamsInstance streamsInstance() {
    return new StreamsInstance(APPLICATION_ID, streams);
  }

  /**
   * Stops the processors, which commit what they have done and leave their group, so that the next
   * start is not held back until the group gives up on them.
   */
  @Override
  public void close() {
    streams.close(
        CloseOptions.timeout(CLOSE_TIMEOUT)
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    skipped.close();
  }
}
