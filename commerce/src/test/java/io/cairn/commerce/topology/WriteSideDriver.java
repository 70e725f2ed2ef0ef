package io.cairn.commerce.topology;

import io.cairn.avro.carts.CartCommand;
import io.cairn.avro.customers.CustomerCommand;
import io.cairn.avro.inventory.InventoryCommand;
import io.cairn.avro.orders.OrderCommand;
import io.cairn.avro.products.ProductCommand;
import io.cairn.avro.registry.RegistryClientConfig;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.replies.CommandReply;
import io.cairn.avro.serde.SpecificAvroSerde;
import io.cairn.commerce.CommerceAggregates;
import io.cairn.commerce.views.CommerceViews;
import io.cairn.registry.CompatibilityLevel;
import io.cairn.registry.EmbeddedSchemaRegistry;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.topology.aggregate.CommandTopology;
import io.cairn.topology.kafka.KafkaConnection;
import io.cairn.topology.topics.CairnTopics;
import io.cairn.topology.topics.TopicDefaults;
import io.cairn.topology.topics.TopicProvisioner;
import io.cairn.topology.views.ViewLag;
import io.cairn.topology.views.ViewTopology;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The write-side topology under TopologyTestDriver, on the real embedded schema registry, with a
 * clock the test moves.
 */
final class WriteSideDriver implements AutoCloseable {
  static final Duration RETENTION = Duration.ofHours(24);
  private static final Map<String, Supplier<SpecificRecord>> ENVELOPES =
      Map.of(
          "products", ProductCommand::new,
          "inventory", InventoryCommand::new,
          "carts", CartCommand::new,
          "customers", CustomerCommand::new,
          "orders", OrderCommand::new);

  private final EmbeddedSchemaRegistry registry;
  private final TopologyTestDriver driver;
  private final SpecificAvroSerde<SpecificRecord> serde;
  private final CairnTopics topics = new CairnTopics(new TopicDefaults(1, (short) 1));
  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));

  WriteSideDriver(KafkaTestCluster kafka, Path stateDir) {
    this(kafka, stateDir, false);
  }

  /** With views, the views topology folds the events the write side appends, as in the app. */
  WriteSideDriver(KafkaTestCluster kafka, Path stateDir, boolean withViews) {
    String log = kafka.uniqueName("_schemas");
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(List.of(topics.schemaLog(log)));
    }
    registry =
        EmbeddedSchemaRegistry.start(
            new EmbeddedSchemaRegistry.Settings(
                "127.0.0.1", 0, log, CompatibilityLevel.BACKWARD, Duration.ofSeconds(10)),
            new KafkaConnection(kafka.bootstrapServers(), Map.of()));
    SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(registry.uri()));
    serde = new SpecificAvroSerde<>(client, true, false);
    StreamsBuilder builder = new StreamsBuilder();
    CommandTopology.build(
        builder,
        CommerceAggregates.all(),
        new CommandTopology.Settings(topics, client, true, clock, RETENTION));
    if (withViews) {
      ViewTopology.build(
          builder,
          CommerceAggregates.all(),
          CommerceViews.all(),
          new ViewTopology.Settings(topics, client, new ViewLag(clock), Duration.ofDays(7), clock));
    }
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "write-side-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(builder.build(), props);
  }

  TestInputTopic<String, SpecificRecord> commands(String type) {
    return driver.createInputTopic(
        topics.commands(type).name(), Serdes.String().serializer(), serde.serializer());
  }

  /** Sends a command to an aggregate, in its type's envelope, as the gateway would. */
  void send(String type, String id, Object payload) {
    SpecificRecord command = ENVELOPES.get(type).get();
    Schema schema = command.getSchema();
    command.put(schema.getField("commandId").pos(), UUID.randomUUID().toString());
    command.put(schema.getField("aggregateId").pos(), id);
    command.put(schema.getField("issuedAt").pos(), clock.instant());
    command.put(schema.getField("correlationId").pos(), "test");
    command.put(schema.getField("payload").pos(), payload);
    commands(type).pipeInput(id, command);
  }

  TestOutputTopic<String, SpecificRecord> events(String type) {
    return driver.createOutputTopic(
        topics.events(type).name(), Serdes.String().deserializer(), serde.deserializer());
  }

  TestOutputTopic<String, SpecificRecord> state(String type) {
    return driver.createOutputTopic(
        topics.state(type).name(), Serdes.String().deserializer(), serde.deserializer());
  }

  TestOutputTopic<String, SpecificRecord> replies() {
    return driver.createOutputTopic(
        topics.commandReplies().name(), Serdes.String().deserializer(), serde.deserializer());
  }

  <K, V> KeyValueStore<K, V> store(String name) {
    return driver.getKeyValueStore(name);
  }

  Instant now() {
    return clock.instant();
  }

  CommandReply onlyReply() {
    var replies = replies().readValuesToList();
    if (replies.size() != 1) {
      throw new AssertionError("expected one reply, got " + replies);
    }
    return (CommandReply) replies.getFirst();
  }

  /** Moves the clock, and the driver's wall clock with it, so punctuations run. */
  void advance(Duration duration) {
    clock.advance(duration);
    driver.advanceWallClockTime(duration);
  }

  /** Moves the clock back, as a writer whose clock is behind the others' would stamp events. */
  void rewind(Duration duration) {
    clock.advance(duration.negated());
  }

  @Override
  public void close() {
    driver.close();
    registry.close();
  }

  /** A clock that stands still until the test moves it. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
