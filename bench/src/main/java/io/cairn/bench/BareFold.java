package io.cairn.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The ceiling of the command path's shape on this machine and broker: the barest Kafka Streams
 * application that does what Cairn's command processors do for a command, with their guarantees. It
 * reads command records produced beforehand, folds each into its aggregate's entry of one RocksDB
 * store (logged to a changelog) and writes one event and one reply per command; exactly once, two
 * stream threads, six partitions per topic and a commit every 20 ms, as Cairn's write side by
 * default. No HTTP, no schemas, no views: what it sustains is what the shape itself costs.
 */
final class BareFold {
  /** Cairn's default streams.commit.interval. */
  private static final Duration COMMIT_INTERVAL = Duration.ofMillis(20);

  private static final int PARTITIONS = 6;
  private static final int COMMAND_BYTES = 120;
  private static final String STORE = "aggregates";
  private static final Duration LOOK_EVERY = Duration.ofMillis(100);
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private BareFold() {}

  /**
   * What a run measured, from the first commit on, so that the application's start is left out.
   *
   * @param folded the commands folded in {@code elapsed}
   * @param usage how busy the machine was meanwhile; the fold runs in the bench's process
   */
  record Result(long folded, Duration elapsed, MachineLoad.Usage usage) {
    double rate() {
      return folded * 1e9 / elapsed.toNanos();
    }

    /** How busy the machine was, as a line of a report. */
    String cpu() {
      return usage
          .machine()
          .map(cores -> "%.2f cores of the machine busy".formatted(cores))
          .orElse("the machine's CPU unknown");
    }
  }

  /** Folds {@code commands} commands spread over {@code aggregates} aggregates. */
  static Result run(String bootstrap, int commands, int aggregates) throws Exception {
    String application = BareStreams.applicationId("fold");
    Path stateDir = Files.createTempDirectory(application);
    String in = application + "-commands";
    String events = application + "-events";
    String replies = application + "-replies";
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      try {
        for (String topic : List.of(in, events, replies)) {
          admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
          ProducerBaseline.awaitLeaders(admin, topic);
        }
        produce(bootstrap, in, commands, aggregates);
        KafkaStreams streams =
            new KafkaStreams(
                topology(in, events, replies),
                BareStreams.props(bootstrap, application, stateDir, COMMIT_INTERVAL));
        try {
          streams.start();
          return measure(admin, application, Offsets.of(admin, List.of(in)));
        } finally {
          BareStreams.close(streams);
        }
      } finally {
        BareStreams.cleanUp(admin, application, stateDir);
      }
    }
  }

  private static Result measure(Admin admin, String application, Offsets offsets) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    long firstCommitted;
    while ((firstCommitted = offsets.committedBy(admin, application)) == 0) {
      await(deadline);
    }
    long start = System.nanoTime();
    MachineLoad load = MachineLoad.start();
    while (offsets.committedBy(admin, application) < offsets.total()) {
      await(deadline);
    }
    return new Result(
        offsets.total() - firstCommitted,
        Duration.ofNanos(System.nanoTime() - start),
        load.usage());
  }

  private static void await(long deadline) {
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("the bare fold did not finish within " + TIMEOUT);
    }
    LockSupport.parkNanos(LOOK_EVERY.toNanos());
  }

  private static void produce(String bootstrap, String topic, int commands, int aggregates) {
    byte[] command = new byte[COMMAND_BYTES];
    ThreadLocalRandom.current().nextBytes(command);
    try (KafkaProducer<String, byte[]> producer =
        Producers.durable(
            bootstrap, 5, 128 * 1024, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < commands; i++) {
        producer.send(new ProducerRecord<>(topic, "fold-" + (i % aggregates), command));
      }
      producer.flush();
    }
  }

  private static Topology topology(String in, String events, String replies) {
    Topology topology = new Topology();
    topology.addSource(
        "commands", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), in);
    topology.addProcessor("fold", Fold::new, "commands");
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray()),
        "fold");
    topology.addSink(
        "events", events, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "fold");
    topology.addSink(
        "replies", replies, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "fold");
    return topology;
  }

  /** A command's fold: its aggregate's next version, stored, then its event and its reply. */
  private static final class Fold implements Processor<String, byte[], String, byte[]> {
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> aggregates;

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      this.context = context;
      this.aggregates = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, byte[]> command) {
      byte[] state = aggregates.get(command.key());
      long version = state == null ? 1 : ByteBuffer.wrap(state).getLong() + 1;
      byte[] event =
          ByteBuffer.allocate(Long.BYTES + command.value().length)
              .putLong(version)
              .put(command.value())
              .array();
      aggregates.put(command.key(), event);
      context.forward(command.withValue(event), "events");
      context.forward(
          command.withValue(Long.toString(version).getBytes(StandardCharsets.UTF_8)), "replies");
    }
  }
}
