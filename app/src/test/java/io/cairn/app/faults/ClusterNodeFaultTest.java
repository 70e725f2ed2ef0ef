package io.cairn.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.app.CairnApp;
import io.cairn.kafka.embedded.EmbeddedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One of three brokers is killed with SIGKILL while commands stream in, and started again. Every
 * topic keeps three copies and needs two in sync, so the cluster serves on: nothing acknowledged is
 * lost or doubled, and the node takes its place back.
 */
@Tag("faults")
class ClusterNodeFaultTest {
  private static final int STEADY = 150;

  @TempDir Path dir;

  @Test
  void oneOfThreeBrokersKilledAndRestartedLosesAndDuplicatesNothing() throws Exception {
    try (EmbeddedCluster cluster =
            EmbeddedCluster.start(EmbeddedCluster.onFreePorts(dir.resolve("kafka"), 3, "384m"));
        CairnApp app =
            FaultApp.start(dir, cluster.bootstrapServers(), 0, "--topics.replication.factor=3")) {
      String prefix = "node-" + UUID.randomUUID().toString().substring(0, 6) + "-";
      FaultReport report;
      try (SteadyLoad load = SteadyLoad.start(app.httpUri(), prefix, 4, 20)) {
        awaitAcknowledged(load, STEADY);
        long began = System.nanoTime();
        cluster.kill(1);
        awaitAcknowledged(load, load.acknowledged().size() + STEADY / 3);
        cluster.restart(1);
        long ended = System.nanoTime();
        awaitAcknowledged(load, load.acknowledged().size() + STEADY);
        load.close();
        report =
            new FaultReport(
                "one of three brokers SIGKILLed, the others serving, then restarted",
                began,
                ended,
                load.acknowledged());
        assertThat(load.wrongAnswers()).as("answers no client should get").isEmpty();
      }
      LogAudit.verify(app, cluster.bootstrapServers(), prefix, report);
    }
  }

  private static void awaitAcknowledged(SteadyLoad load, int count) {
    await().atMost(Duration.ofMinutes(2)).until(() -> load.acknowledged().size() >= count);
  }
}
