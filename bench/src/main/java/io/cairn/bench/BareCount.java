package io.cairn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;

/**
 * The replay's yardstick: the barest Kafka Streams application over the same topics, a count of
 * records per key in a RocksDB store, with the views' guarantees (exactly once, two threads, the
 * same commit interval), timed from its start until it has committed past the topics' ends.
 */
final class BareCount {
  private static final Duration LOOK_EVERY = Duration.ofMillis(500);
  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  private BareCount() {}

  /** How long the count took to read the topics to their ends as they are now. */
  static Duration run(String bootstrap, List<String> topics) throws Exception {
    String application = "cairn-bench-count-" + UUID.randomUUID().toString().substring(0, 8);
    Path stateDir = Files.createTempDirectory(application);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      Offsets offsets = Offsets.of(admin, topics);
      StreamsBuilder builder = new StreamsBuilder();
      builder.stream(topics, Consumed.with(Serdes.Bytes(), Serdes.ByteArray()))
          .groupByKey()
          .count(Materialized.as("counts"));
      KafkaStreams streams =
          new KafkaStreams(builder.build(), props(bootstrap, application, stateDir));
      try {
        long start = System.nanoTime();
        streams.start();
        while (!offsets.reachedBy(admin, application)) {
          if (System.nanoTime() - start > TIMEOUT.toNanos()) {
            throw new IllegalStateException("the bare count did not catch up within " + TIMEOUT);
          }
          LockSupport.parkNanos(LOOK_EVERY.toNanos());
        }
        return Duration.ofNanos(System.nanoTime() - start);
      } finally {
        // Leaving the group lets it be deleted at once.
        streams.close(
            CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        cleanUp(admin, application, stateDir);
      }
    }
  }

  private static Properties props(String bootstrap, String application, Path stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, application);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
    // The views' default views.commit.interval, so both commit as often.
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    // Kafka 5's default; set, it keeps a warning per start out of the report.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(
        StreamsConfig.mainConsumerPrefix(
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG),
        true);
    return props;
  }

  /** Leaves nothing behind: the group, the changelog, the local state. */
  private static void cleanUp(Admin admin, String application, Path stateDir) throws Exception {
    admin.deleteConsumerGroups(List.of(application)).all().get();
    Set<String> internal =
        admin.listTopics().names().get().stream()
            .filter(name -> name.startsWith(application + "-"))
            .collect(Collectors.toSet());
    admin.deleteTopics(internal).all().get();
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(BareCount::delete);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
