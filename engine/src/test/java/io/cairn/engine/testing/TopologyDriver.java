package io.cairn.engine.testing;

import io.cairn.avro.contract.Contract;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.replies.CommandReply;
import io.cairn.avro.serde.GenericAvroSerde;
import io.cairn.avro.testing.InMemoryRegistry;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.view.Projection;
import io.cairn.engine.commands.CommandTopology;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.engine.reactions.Reactions;
import io.cairn.engine.streams.SkippedRecords;
import io.cairn.engine.streams.StreamsProperties;
import io.cairn.engine.views.EventsTopology;
import io.cairn.engine.views.topology.ViewLag;
import io.cairn.engine.views.topology.ViewTopology;
import io.cairn.kafka.stores.Store;
import io.cairn.kafka.topics.CairnTopics;
import io.cairn.kafka.topics.ContractTopics;
import io.cairn.kafka.topics.Topic;
import io.cairn.kafka.topics.TopicDefaults;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The write side's topology, and with it the views' if asked, under TopologyTestDriver, on an
 * in-memory schema registry and a clock the test moves: no broker. It is built by the same calls
 * the app makes, for the aggregate types and views it is given.
 */
public final class TopologyDriver implements AutoCloseable {
  /** How long Idempotency-Keys are kept. */
  public static final Duration RETENTION = Duration.ofHours(24);

  /** How long inboxes remember the events they applied. */
  public static final Duration INBOX_RETENTION = Duration.ofDays(7);

  /** How long ended processes are kept. */
  public static final Duration PROCESS_RETENTION = Duration.ofDays(7);

  private final TopologyTestDriver driver;
  private final TopologyDescription description;
  private final ContractTopics topics;
  private final List<BoundAggregate<?, ?, ?>> aggregates;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final SchemaRegistryClient registry = InMemoryRegistry.client();
  private final SkippedRecords skipped = SkippedRecords.register("topology-test");

  /**
   * @param types the aggregate types whose commands it processes
   * @param projections the views it folds their events into; none for the write side alone
   * @param stateDir where the driver's RocksDB stores live
   */
  public TopologyDriver(
      List<AggregateType<?, ?, ?>> types, List<Projection<?>> projections, Path stateDir) {
    this(types, projections, Reactions.Declared.none(), stateDir);
  }

  /**
   * @param types the aggregate types whose commands it processes
   * @param projections the views it folds their events into; none for the write side alone
   * @param reactions the policies, process managers, inboxes and publications
   * @param stateDir where the driver's RocksDB stores live
   */
  public TopologyDriver(
      List<AggregateType<?, ?, ?>> types,
      List<Projection<?>> projections,
      Reactions.Declared reactions,
      Path stateDir) {
    this(types, projections, topics -> List.of(), reactions, stateDir);
  }

  /**
   * @param types the aggregate types whose commands it processes
   * @param projections the views it folds their events into
   * @param more what else reads the events in the views application, such as the reports, made with
   *     the driver's topics
   * @param reactions the policies, process managers, inboxes and publications
   * @param stateDir where the driver's RocksDB stores live
   */
  public TopologyDriver(
      List<AggregateType<?, ?, ?>> types,
      List<Projection<?>> projections,
      Function<ContractTopics, List<EventsTopology>> more,
      Reactions.Declared reactions,
      Path stateDir) {
    CairnTopics declared = new CairnTopics(new TopicDefaults(1, (short) 1));
    this.topics = new ContractTopics(declared, registry, true);
    List<EventsTopology> alongside = more.apply(topics);
    this.aggregates = BoundAggregate.all(types, Contract.load());
    StreamsBuilder builder = new StreamsBuilder();
    CommandTopology.build(
        builder,
        aggregates,
        new CommandTopology.Settings(
            "topology-test",
            topics,
            Reactions.bind(reactions, aggregates, declared, UnaryOperator.identity()),
            clock,
            new CommandTopology.Retention(RETENTION, PROCESS_RETENTION, INBOX_RETENTION)));
    if (!projections.isEmpty() || !alongside.isEmpty()) {
      ViewTopology.build(
          builder,
          aggregates,
          projections,
          alongside,
          new ViewTopology.Settings(topics, new ViewLag(clock), Duration.ofDays(7), clock));
    }
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    StreamsProperties.deadLettering(props, skipped, declared.deadLetters().name());
    Topology topology = builder.build();
    description = topology.describe();
    driver = new TopologyTestDriver(topology, props);
  }

  /** The topology it drives, as Kafka Streams describes it. */
  public TopologyDescription describe() {
    return description;
  }

  /** The commands topic of an aggregate type, to pipe envelopes into. */
  public TestInputTopic<String, SpecificRecord> commands(String type) {
    return input(topics.commands(type));
  }

  /** Sends a command to an aggregate, in its type's envelope, as the gateway would. */
  public void send(String type, String id, SpecificRecord payload) {
    Schema schema = bound(type).envelopes().command();
    SpecificRecord command = (SpecificRecord) SpecificData.get().newRecord(null, schema);
    command.put(schema.getField("commandId").pos(), UUID.randomUUID().toString());
    command.put(schema.getField("aggregateId").pos(), id);
    command.put(schema.getField("issuedAt").pos(), clock.instant());
    command.put(schema.getField("correlationId").pos(), "test");
    command.put(schema.getField("payload").pos(), payload);
    commands(type).pipeInput(id, command);
  }

  /**
   * Appends an event envelope to an aggregate type's log as another writer would, such as code of
   * an earlier version.
   */
  public void append(String type, String id, SpecificRecord envelope) {
    input(topics.events(type)).pipeInput(id, envelope);
  }

  /**
   * Appends to an aggregate type's event log a record of another schema than this build's, as a
   * newer instance would write it.
   */
  public void appendGeneric(String type, String id, GenericRecord envelope) {
    pipeGeneric(topics.events(type), id, envelope);
  }

  /** Sends a command of another schema than this build's, as a newer gateway would send it. */
  public void sendGeneric(String type, String id, GenericRecord envelope) {
    pipeGeneric(topics.commands(type), id, envelope);
  }

  private void pipeGeneric(Topic<String, ?> topic, String id, GenericRecord record) {
    Serializer<GenericRecord> writer = new GenericAvroSerde(registry, true, false).serializer();
    driver
        .createInputTopic(topic.name(), topic.keySerde().serializer(), writer)
        .pipeInput(id, record);
  }

  /** The event log of an aggregate type. */
  public TestOutputTopic<String, SpecificRecord> events(String type) {
    return output(topics.events(type));
  }

  /** The latest states of an aggregate type. */
  public TestOutputTopic<String, SpecificRecord> state(String type) {
    return output(topics.state(type));
  }

  /** The dead-letter queue, as bytes with their headers. */
  public TestOutputTopic<byte[], byte[]> deadLetters() {
    return driver.createOutputTopic(
        topics.declared().deadLetters().name(),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  /** Pipes raw bytes into a topic, as a writer that does not speak the contract would. */
  public void pipeBytes(String topic, byte[] key, byte[] value) {
    driver
        .createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer())
        .pipeInput(key, value);
  }

  /** Pipes a record into a topic as another service writes it: key, value and headers as given. */
  public void pipe(String topic, String key, byte[] value, Headers headers) {
    driver
        .createInputTopic(topic, new StringSerializer(), new ByteArraySerializer())
        .pipeInput(new TestRecord<>(key, value, headers, clock.instant()));
  }

  /** The records of a topic of any schema the registry holds, such as a report's windows. */
  public TestOutputTopic<String, GenericRecord> generic(String topic) {
    return driver.createOutputTopic(
        topic, new StringDeserializer(), topics.anySchema().deserializer());
  }

  /** The records of a topic written as bytes, such as a publication's integration events. */
  public TestOutputTopic<String, String> text(String topic) {
    return driver.createOutputTopic(topic, new StringDeserializer(), new StringDeserializer());
  }

  /**
   * A record of any schema in the registry's wire format, registered under the topic's subject, as
   * another service that shares the registry writes it.
   */
  public byte[] avro(String topic, GenericRecord record) {
    return new GenericAvroSerde(registry, true, false).serializer().serialize(topic, record);
  }

  /** The replies to every command. */
  public TestOutputTopic<String, CommandReply> replies() {
    return output(topics.replies());
  }

  /** The one reply that came since the replies were last read. */
  public CommandReply onlyReply() {
    List<CommandReply> replies = replies().readValuesToList();
    if (replies.size() != 1) {
      throw new AssertionError("expected one reply, got " + replies);
    }
    return replies.getFirst();
  }

  /** A store of the topology, as its processors see it. */
  public <K, V> KeyValueStore<K, V> store(Store<K, V> store) {
    return driver.getKeyValueStore(store.name());
  }

  /** A store of the topology by name, for the write side's stores, which are its own. */
  public <K, V> KeyValueStore<K, V> store(String name) {
    return driver.getKeyValueStore(name);
  }

  /** What the clock says now. */
  public Instant now() {
    return clock.instant();
  }

  /** The clock the topology stamps with. */
  public Clock clock() {
    return clock;
  }

  /** Moves the clock, and the driver's wall clock with it, so punctuations run. */
  public void advance(Duration duration) {
    clock.advance(duration);
    driver.advanceWallClockTime(duration);
  }

  /**
   * Moves only the clock the topology stamps with, as the events' time runs ahead of the wall clock
   * in a replay.
   */
  public void advanceEventTime(Duration duration) {
    clock.advance(duration);
  }

  /** Moves the clock back, as a writer whose clock is behind the others' would stamp events. */
  public void rewind(Duration duration) {
    clock.advance(duration.negated());
  }

  /** The records the topology passed over, such as those of a type this build does not know. */
  public SkippedRecords skipped() {
    return skipped;
  }

  @Override
  public void close() {
    driver.close();
    skipped.close();
  }

  private BoundAggregate<?, ?, ?> bound(String type) {
    return aggregates.stream()
        .filter(a -> a.name().equals(type))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no aggregate type " + type));
  }

  private <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
    return driver.createInputTopic(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  /** A clock that stands still until the test moves it. */
  public static final class MovableClock extends Clock {
    private Instant now;

    /** A clock standing at the given instant. */
    public MovableClock(Instant start) {
      this.now = start;
    }

    /** Moves the clock on. */
    public void advance(Duration duration) {
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
