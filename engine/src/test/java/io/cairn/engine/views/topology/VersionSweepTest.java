package io.cairn.engine.views.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.engine.views.stores.OrderedKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionSweepTest {
  private static final Duration RETENTION = Duration.ofDays(7);
  private static final long MINUTE = Duration.ofMinutes(1).toMillis();
  private static final byte[] VIEW = "{}".getBytes();

  @TempDir Path stateDir;
  private KeyValueStore<Bytes, byte[]> store;

  @BeforeEach
  void openRocksDb() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "version-sweep-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    MockProcessorContext<Void, Void> context =
        new MockProcessorContext<>(props, new TaskId(0, 0), stateDir.toFile());
    store =
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore("past-test"), Serdes.Bytes(), Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void shouldKeepFromTheVersionValidAtTheCutoffAcrossSlices() {
    long now = RETENTION.toMillis() + 1_000 * MINUTE;
    long cutoff = now - RETENTION.toMillis();
    for (String id : List.of("a", "b", "c")) {
      for (long minute = 0; minute < 1_500; minute++) {
        store.put(OrderedKey.of(id, cutoff - 500 * MINUTE + minute * MINUTE), VIEW);
      }
    }
    VersionSweep sweep = new VersionSweep(store, RETENTION, 100);

    int dropped = 0;
    for (int slice = 0; slice < 46; slice++) {
      dropped += sweep.slice(now);
    }

    assertThat(dropped).isEqualTo(3 * 500);
    for (String id : List.of("a", "b", "c")) {
      List<Long> kept = validFroms(id);
      assertThat(kept).hasSize(1_000).startsWith(cutoff).endsWith(cutoff + 999 * MINUTE);
    }
  }

  @Test
  void shouldKeepEachViewsLatestVersionHoweverOld() {
    store.put(OrderedKey.of("a", 1), VIEW);
    store.put(OrderedKey.of("a", 2), VIEW);
    store.put(OrderedKey.of("b", 3), VIEW);

    new VersionSweep(store, RETENTION, 100).slice(RETENTION.toMillis() * 10);

    assertThat(validFroms("a")).containsExactly(2L);
    assertThat(validFroms("b")).containsExactly(3L);
  }

  @Test
  void shouldDropNothingStillValidWithinTheRetention() {
    long now = RETENTION.toMillis() * 2;
    for (long at = now - RETENTION.toMillis(); at <= now; at += Duration.ofDays(1).toMillis()) {
      store.put(OrderedKey.of("a", at), VIEW);
    }

    assertThat(new VersionSweep(store, RETENTION, 100).slice(now)).isZero();
    assertThat(validFroms("a")).hasSize(8);
  }

  private List<Long> validFroms(String id) {
    List<Long> found = new ArrayList<>();
    try (var range = store.range(OrderedKey.of(id, 0), OrderedKey.of(id, Long.MAX_VALUE))) {
      range.forEachRemaining(entry -> found.add(OrderedKey.number(entry.key)));
    }
    return found;
  }
}
