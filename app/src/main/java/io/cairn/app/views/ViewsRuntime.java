package io.cairn.app.views;

import io.cairn.app.streams.StreamsProperties;
import io.cairn.queries.QueryRoutes;
import io.cairn.queries.QuerySettings;
import io.cairn.queries.ViewStatus;
import io.cairn.topology.topics.CairnTopics;
import io.cairn.topology.views.ViewLag;
import io.cairn.topology.views.ViewTopology;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the views application with the query routes over its stores. A rebuild closes one and
 * starts another, since a Kafka Streams instance cannot start again once closed.
 */
final class ViewsRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ViewsRuntime.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final QueryRoutes routes;
  private final ViewLag lag;
  private final ViewMetrics metrics;

  private ViewsRuntime(KafkaStreams streams, QueryRoutes routes, ViewLag lag, ViewMetrics metrics) {
    this.streams = streams;
    this.routes = routes;
    this.lag = lag;
    this.metrics = metrics;
  }

  /**
   * Builds and starts the views application.
   *
   * @param wipeLocalState whether to delete this instance's local copy of the views first, which
   *     then come back from their changelogs, or are folded again from the log after a reset
   * @param onceRunning what to do, off the stream threads, the first time the views run
   */
  static ViewsRuntime start(ViewsSetup setup, boolean wipeLocalState, Runnable onceRunning) {
    StreamsBuilder builder = new StreamsBuilder();
    CairnTopics topics = new CairnTopics(setup.topicDefaults());
    Clock clock = Clock.systemUTC();
    ViewLag lag = new ViewLag(clock);
    ViewTopology.build(
        builder,
        setup.types(),
        setup.projections(),
        new ViewTopology.Settings(
            topics, setup.registry(), lag, setup.views().versionsRetention(), clock));
    Properties props =
        StreamsProperties.exactlyOnce(
            ViewsSide.APPLICATION_ID, setup.processing(), setup.topicDefaults(), setup.kafka());
    // Each instance says where its queries are answered, so the others can forward to it.
    props.put(
        StreamsConfig.APPLICATION_SERVER_CONFIG, setup.self().host() + ":" + setup.self().port());
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, setup.views().standbyReplicas());
    props.put(
        StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) setup.views().commitInterval().toMillis());
    KafkaStreams streams = new KafkaStreams(builder.build(), props);
    if (wipeLocalState) {
      streams.cleanUp();
    }
    ViewStatus status = new ViewStatus(streams, setup.projections(), topics, lag);
    QueryRoutes routes =
        new QueryRoutes(
            streams,
            setup.projections(),
            setup.types(),
            status,
            new QuerySettings(
                setup.topicDefaults().partitions(),
                setup.views().versionsRetention(),
                clock,
                setup.self()));
    ViewsRuntime runtime = new ViewsRuntime(streams, routes, lag, ViewMetrics.register(status));
    AtomicBoolean ran = new AtomicBoolean();
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING && ran.compareAndSet(false, true)) {
            Thread.ofVirtual().name("cairn-views-running").start(() -> once(onceRunning));
          }
        });
    streams.start();
    return runtime;
  }

  private static void once(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      log.error("Failed to note the running views' changelogs", e);
    }
  }

  KafkaStreams streams() {
    return streams;
  }

  QueryRoutes routes() {
    return routes;
  }

  /** Events folded since this run began. */
  long eventsFolded() {
    return lag.eventsFolded();
  }

  /** Stops the views, which commit and leave their group so a restart is not held back. */
  @Override
  public void close() {
    metrics.close();
    routes.close();
    streams.close(
        CloseOptions.timeout(CLOSE_TIMEOUT)
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }
}
