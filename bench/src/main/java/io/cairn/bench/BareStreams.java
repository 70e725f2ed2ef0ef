package io.cairn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The bench's own bare Kafka Streams applications, the yardsticks Cairn's topologies are measured
 * against: exactly once with two stream threads, as Cairn's, a fresh application id and state
 * directory each run, and nothing left behind afterwards.
 */
final class BareStreams {
  private BareStreams() {}

  /** A fresh application id, for one run. */
  static String applicationId(String what) {
    return "cairn-bench-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The properties of a bare application committing every {@code commitInterval}. */
  static Properties props(
      String bootstrap, String application, Path stateDir, Duration commitInterval) {
    Properties props = new Properties();
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, application);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) commitInterval.toMillis());
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

  /** Closes the application, leaving its group so that the group can be deleted at once. */
  static void close(KafkaStreams streams) {
    streams.close(
        CloseOptions.timeout(Duration.ofSeconds(30))
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }

  /**
   * Leaves nothing behind: the group, the topics named after the application, the local state. An
   * application that failed before it joined has no group to delete.
   */
  static void cleanUp(Admin admin, String application, Path stateDir) throws Exception {
    try {
      admin.deleteConsumerGroups(List.of(application)).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof GroupIdNotFoundException)) {
        throw e;
      }
    }
    Set<String> internal =
        admin.listTopics().names().get().stream()
            .filter(name -> name.startsWith(application + "-"))
            .collect(Collectors.toSet());
    admin.deleteTopics(internal).all().get();
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(BareStreams::delete);
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
