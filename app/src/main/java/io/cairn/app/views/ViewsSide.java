package io.cairn.app.views;

import io.cairn.app.config.ProcessingConfig;
import io.cairn.app.config.ViewsConfig;
import io.cairn.app.health.StreamsInstance;
import io.cairn.app.streams.StreamsProperties;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.queries.QueryRoutes;
import io.cairn.queries.QuerySettings;
import io.cairn.queries.ViewStatus;
import io.cairn.topology.aggregate.AggregateType;
import io.cairn.topology.kafka.KafkaConnection;
import io.cairn.topology.topics.CairnTopics;
import io.cairn.topology.topics.TopicDefaults;
import io.cairn.topology.views.Projection;
import io.cairn.topology.views.ViewLag;
import io.cairn.topology.views.ViewTopology;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The read side as it runs: the views in their own exactly-once Kafka Streams application, apart
 * from the write side's, so views scale, lag and rebuild without touching command processing.
 */
public final class ViewsSide implements AutoCloseable {
  /** The views' Kafka Streams application id. */
  public static final String APPLICATION_ID = "cairn-views";

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final QueryRoutes routes;
  private final ViewMetrics metrics;

  private ViewsSide(KafkaStreams streams, QueryRoutes routes, ViewMetrics metrics) {
    this.streams = streams;
    this.routes = routes;
    this.metrics = metrics;
  }

  /** Starts the views application. */
  public static ViewsSide start(
      ProcessingConfig config,
      ViewsConfig viewsConfig,
      TopicDefaults topicDefaults,
      List<AggregateType<?, ?, ?>> types,
      List<Projection<?>> views,
      KafkaConnection kafka,
      SchemaRegistryClient registry,
      HostInfo self) {
    StreamsBuilder builder = new StreamsBuilder();
    CairnTopics topics = new CairnTopics(topicDefaults);
    ViewLag lag = new ViewLag(Clock.systemUTC());
    ViewTopology.build(
        builder,
        types,
        views,
        new ViewTopology.Settings(topics, registry, lag, viewsConfig.versionsRetention()));
    Properties props = StreamsProperties.exactlyOnce(APPLICATION_ID, config, topicDefaults, kafka);
    // Each instance says where its queries are answered, so the others can forward to it.
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, viewsConfig.standbyReplicas());
    KafkaStreams streams = new KafkaStreams(builder.build(), props);
    streams.start();
    ViewStatus status = new ViewStatus(streams, views, topics, lag);
    return new ViewsSide(
        streams,
        new QueryRoutes(
            streams,
            views,
            types,
            status,
            new QuerySettings(
                topicDefaults.partitions(),
                viewsConfig.versionsRetention(),
                Clock.systemUTC(),
                self)),
        ViewMetrics.register(status));
  }

  /** The views application, for readiness. */
  public StreamsInstance streamsInstance() {
    return new StreamsInstance(APPLICATION_ID, streams);
  }

  /** The query endpoints. */
  public QueryRoutes routes() {
    return routes;
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
