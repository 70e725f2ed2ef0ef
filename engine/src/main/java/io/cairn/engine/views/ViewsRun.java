package io.cairn.engine.views;

import io.cairn.engine.streams.SkippedRecords;
import io.cairn.engine.streams.StreamsProperties;
import io.cairn.engine.streams.TaskIdling;
import io.cairn.engine.streams.ThreadReplacement;
import io.cairn.engine.views.topology.ViewLag;
import io.cairn.engine.views.topology.ViewTopology;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the views application, with what it measures of itself. A rebuild closes one and
 * starts another, since a Kafka Streams instance cannot start again once closed.
 */
public final class ViewsRun implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ViewsRun.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final ViewLag lag;
  private final ViewStatus status;
  private final ViewMetrics metrics;
  private final SkippedRecords skipped;

  private ViewsRun(KafkaStreams streams, ViewLag lag, ViewStatus status, SkippedRecords skipped) {
    this.streams = streams;
    this.lag = lag;
    this.status = status;
    this.skipped = skipped;
    this.metrics = ViewMetrics.register(status);
  }

  /**
   * Builds and starts the views application.
   *
   * @param wipeLocalState whether to delete this instance's local copy of the views first, which
   *     then come back from their changelogs, or are folded again from the log after a reset
   * @param onceRunning what to do, off the stream threads, the first time the views run
   */
  static ViewsRun start(ReadSideSetup setup, boolean wipeLocalState, Runnable onceRunning) {
    StreamsBuilder builder = new StreamsBuilder();
    Clock clock = Clock.systemUTC();
    ViewLag lag = new ViewLag(clock);
    ViewTopology.build(
        builder,
        setup.aggregates(),
        setup.projections(),
        setup.more(),
        new ViewTopology.Settings(setup.topics(), lag, setup.views().versionsRetention(), clock));
    // A rebuild reads every event again, so each run counts what it passes over afresh.
    SkippedRecords skipped = SkippedRecords.register(ReadSide.APPLICATION_ID);
    Topology topology = builder.build();
    Properties props = properties(setup, skipped);
    TaskIdling.offWhereOneInput(props, topology.describe());
    KafkaStreams streams = new KafkaStreams(topology, props);
    streams.setUncaughtExceptionHandler(new ThreadReplacement(ReadSide.APPLICATION_ID, clock));
    if (wipeLocalState) {
      streams.cleanUp();
    }
    ViewsRun run =
        new ViewsRun(
            streams,
            lag,
            new ViewStatus(streams, setup.projections(), setup.topics().declared(), lag, skipped),
            skipped);
    AtomicBoolean ran = new AtomicBoolean();
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING && ran.compareAndSet(false, true)) {
            Thread.ofVirtual().name("cairn-views-running").start(() -> once(onceRunning));
          }
        });
    streams.start();
    return run;
  }

  private static Properties properties(ReadSideSetup setup, SkippedRecords skipped) {
    Properties props =
        StreamsProperties.exactlyOnce(
            ReadSide.APPLICATION_ID,
            setup.streams().withCommitInterval(setup.views().commitInterval()),
            setup.topicDefaults(),
            setup.kafka(),
            skipped,
            setup.topics().declared().deadLetters().name());
    // Each instance says where its queries are answered, so the others can forward to it.
    props.put(
        StreamsConfig.APPLICATION_SERVER_CONFIG, setup.self().host() + ":" + setup.self().port());
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, setup.views().standbyReplicas());
    return props;
  }

  private static void once(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      log.error("Failed to note the running views' changelogs", e);
    }
  }

  /** The views application of this run, whose stores queries read. */
  public KafkaStreams streams() {
    return streams;
  }

  /** How far each view trails the event log. */
  public ViewStatus status() {
    return status;
  }

  /** Events folded since this run began. */
  long eventsFolded() {
    return lag.eventsFolded();
  }

  /** Stops the views, which commit and leave their group so a restart is not held back. */
  @Override
  public void close() {
    metrics.close();
    streams.close(
        CloseOptions.timeout(CLOSE_TIMEOUT)
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    skipped.close();
  }
}
