package io.cairn.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.app.CairnApp;
import io.cairn.app.config.CairnConfig;
import io.cairn.kafka.embedded.BrokerSettings;
import io.cairn.testkit.FreePorts;
import io.cairn.testkit.ReadinessWait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app is stopped while commands stream in, and its Kafka Streams state directory is deleted
 * before it starts again, as when a machine is replaced: the stores are restored from their
 * changelogs, and nothing acknowledged is lost, doubled or folded wrongly.
 */
@Tag("faults")
class LostStateTest {
  private static final int STEADY = 150;

  @TempDir Path dir;

  @Test
  void aStateDirectoryDeletedWhileTheAppIsDownIsRestoredFromTheChangelogs() throws Exception {
    int httpPort = FreePorts.any();
    try (FaultBroker broker = FaultBroker.start(BrokerSettings.onFreePorts(dir.resolve("kafka")))) {
      String prefix = "lost-state-" + UUID.randomUUID().toString().substring(0, 6) + "-";
      CairnApp app = started(broker, httpPort);
      FaultReport report;
      try (SteadyLoad load = SteadyLoad.start(app.httpUri(), prefix, 4, 20)) {
        await().atMost(Duration.ofMinutes(2)).until(() -> load.acknowledged().size() >= STEADY);
        long began = System.nanoTime();
        app.close();
        deleteState();
        app = started(broker, httpPort);
        long ended = System.nanoTime();
        int before = load.acknowledged().size();
        await()
            .atMost(Duration.ofMinutes(2))
            .until(() -> load.acknowledged().size() >= before + STEADY);
        load.close();
        report =
            new FaultReport(
                "app stopped, state directory deleted, app started",
                began,
                ended,
                load.acknowledged());
        assertThat(load.wrongAnswers()).as("answers no client should get").isEmpty();
        LogAudit.check(
            broker.bootstrapServers(), app.registryUri(), app.httpUri(), prefix, report.acked());
        System.out.println(report.describe());
        assertThat(report.recovery()).isLessThan(Duration.ofSeconds(60));
      } finally {
        app.close();
      }
    }
  }

  private CairnApp started(FaultBroker broker, int httpPort) {
    List<String> flags =
        List.of(
            "--http.port=" + httpPort,
            "--registry.port=0",
            "--topics.partitions=2",
            "--streams.state.dir=" + dir.resolve("state"));
    CairnApp app =
        CairnApp.start(
            CairnConfig.load(flags, Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())));
    try {
      ReadinessWait.awaitReady(app.httpUri(), Duration.ofSeconds(90));
    } catch (RuntimeException | AssertionError e) {
      app.close();
      throw e;
    }
    return app;
  }

  private void deleteState() throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("state"))) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
