package io.cairn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
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
  // The views' default views.commit.interval, so both commit as often.
  private static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

  private BareCount() {}

  /** How long the count took to read the topics to their ends as they are now. */
  static Duration run(String bootstrap, List<String> topics) throws Exception {
    String application = BareStreams.applicationId("count");
    Path stateDir = Files.createTempDirectory(application);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      Offsets offsets = Offsets.of(admin, topics);
      StreamsBuilder builder = new StreamsBuilder();
      builder.stream(topics, Consumed.with(Serdes.Bytes(), Serdes.ByteArray()))
          .groupByKey()
          .count(Materialized.as("counts"));
      KafkaStreams streams =
          new KafkaStreams(
              builder.build(),
              BareStreams.props(bootstrap, application, stateDir, COMMIT_INTERVAL));
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
        BareStreams.close(streams);
        BareStreams.cleanUp(admin, application, stateDir);
      }
    }
  }
}
