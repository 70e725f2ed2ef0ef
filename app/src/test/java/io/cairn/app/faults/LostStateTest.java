package io.cairn.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.app.CairnApp;
import io.cairn.kafka.embedded.BrokerSettings;
import io.cairn.testkit.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
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
      CairnApp app = FaultApp.start(dir, broker.bootstrapServers(), httpPort);
      FaultReport report;
      try (SteadyLoad load = SteadyLoad.start(app.httpUri(), prefix, 4, 20)) {
        await().atMost(Duration.ofMinutes(2)).until(() -> load.acknowledged().size() >= STEADY);
        long began = System.nanoTime();
        app.close();
        deleteState();
        app = FaultApp.start(dir, broker.bootstrapServers(), httpPort);
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
        LogAudit.verify(app, broker.bootstrapServers(), prefix, report);
      } finally {
        app.close();
      }
    }
  }

  private void deleteState() throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("state"))) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
