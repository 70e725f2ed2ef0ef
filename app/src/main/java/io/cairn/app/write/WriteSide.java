package io.cairn.app.write;

import io.cairn.app.config.ProcessingConfig;
import io.cairn.app.health.StreamsInstance;
import io.cairn.app.streams.StreamsProperties;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.gateway.CommandGateway;
import io.cairn.gateway.CommandRoutes;
import io.cairn.topology.aggregate.AggregateType;
import io.cairn.topology.aggregate.CommandTopology;
import io.cairn.topology.kafka.KafkaConnection;
import io.cairn.topology.topics.CairnTopics;
import io.cairn.topology.topics.TopicDefaults;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * The write side as it runs: the command processors in their own exactly-once Kafka Streams
 * application, and the gateway that feeds them commands and waits for their replies.
 */
public final class WriteSide implements AutoCloseable {
  /** The write side's Kafka Streams application id. */
  public static final String APPLICATION_ID = "cairn-commands";

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final CommandGateway gateway;

  private WriteSide(KafkaStreams streams, CommandGateway gateway) {
    this.streams = streams;
    this.gateway = gateway;
  }

  /** Starts the command processors, then the gateway. */
  public static WriteSide start(
      ProcessingConfig config,
      TopicDefaults topicDefaults,
      List<AggregateType<?, ?, ?>> types,
      KafkaConnection kafka,
      SchemaRegistryClient registry,
      boolean autoRegister) {
    CairnTopics topics = new CairnTopics(topicDefaults);
    StreamsBuilder builder = new StreamsBuilder();
    CommandTopology.build(
        builder,
        types,
        new CommandTopology.Settings(
            topics, registry, autoRegister, Clock.systemUTC(), config.idempotencyRetention()));
    KafkaStreams streams =
        new KafkaStreams(
            builder.build(),
            StreamsProperties.exactlyOnce(APPLICATION_ID, config, topicDefaults, kafka));
    AtomicBoolean hasRun = new AtomicBoolean();
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            hasRun.set(true);
          }
        });
    streams.start();
    try {
      CommandGateway gateway =
          CommandGateway.start(
              new CommandGateway.Settings(
                  config.commandTimeout(), autoRegister, config.maxInFlight()),
              types,
              kafka,
              registry,
              topics,
              () -> accepting(streams.state(), hasRun.get()),
              Clock.systemUTC());
      return new WriteSide(streams, gateway);
    } catch (RuntimeException e) {
      close(streams);
      throw e;
    }
  }

  /**
   * Commands are taken once the processors have run: during a later rebalance they wait briefly and
   * are processed once it ends, but before the first assignment they could only time out.
   */
  private static boolean accepting(KafkaStreams.State state, boolean hasRun) {
    return state == KafkaStreams.State.RUNNING
        || (hasRun && state == KafkaStreams.State.REBALANCING);
  }

  /** The command processors, for readiness. */
  public StreamsInstance streamsInstance() {
    return new StreamsInstance(APPLICATION_ID, streams);
  }

  /** The command endpoint. */
  public CommandRoutes routes() {
    return new CommandRoutes(gateway);
  }

  /**
   * Stops the gateway, then the processors, which commit what they have done and leave their group,
   * so that the next start is not held back until the group gives up on them.
   */
  @Override
  public void close() {
    gateway.close();
    close(streams);
  }

  private static void close(KafkaStreams streams) {
    streams.close(
        CloseOptions.timeout(CLOSE_TIMEOUT)
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }
}
