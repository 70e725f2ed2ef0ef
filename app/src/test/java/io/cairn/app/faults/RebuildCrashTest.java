package io.cairn.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.app.AppProcess;
import io.cairn.app.write.CommandClient;
import io.cairn.kafka.embedded.BrokerSettings;
import io.cairn.testkit.JavaProcess;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.ReadinessWait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app is killed with SIGKILL in the middle of a rebuild of its views, while it resets them or
 * replays the log into them. Started again, it takes the next rebuild to its end, and every view
 * then folds the log: nothing a crash left half done is folded twice or left out.
 */
@Tag("faults")
class RebuildCrashTest {
  private static final Duration START = Duration.ofSeconds(120);

  @TempDir Path dir;

  @Test
  void anAppKilledMidRebuildRebuildsAgainToViewsThatFoldTheLog() throws Exception {
    try (FaultBroker broker = FaultBroker.start(BrokerSettings.onFreePorts(dir.resolve("kafka")))) {
      AppProcess app = AppProcess.on(new KafkaTestCluster(broker.bootstrapServers()), dir);
      String prefix = "rebuild-crash-" + UUID.randomUUID().toString().substring(0, 6) + "-";
      List<SteadyLoad.Command> acked;
      String killedWhile;
      try (JavaProcess first = app.start("first")) {
        ReadinessWait.awaitReady(app.api(), START);
        try (SteadyLoad load = SteadyLoad.start(app.api(), prefix, 4, 20)) {
          await().atMost(Duration.ofMinutes(2)).until(() -> load.acknowledged().size() >= 300);
          load.close();
          acked = load.acknowledged();
        }
        CommandClient client = new CommandClient(app.api());
        assertThat(client.post("/api/v1/views/rebuild").status()).isEqualTo(202);
        killedWhile = client.get("/api/v1/views/rebuild").json().path("state").asText();
        first.kill(Duration.ofSeconds(30));
      }
      try (JavaProcess second = app.start("second")) {
        ReadinessWait.awaitReady(app.api(), START);
        CommandClient client = new CommandClient(app.api());
        await()
            .atMost(Duration.ofMinutes(2))
            .until(() -> client.post("/api/v1/views/rebuild").status() == 202);
        await()
            .atMost(Duration.ofMinutes(3))
            .until(
                () -> client.get("/api/v1/views/rebuild").json().path("state").asText(),
                "done"::equals);
        LogAudit.check(broker.bootstrapServers(), app.registry(), app.api(), prefix, acked);
        System.out.printf(
            "FAULT app SIGKILL during a views rebuild (%s): %d commands, every view folds the log"
                + " after the next rebuild%n",
            killedWhile, acked.size());
        second.terminate(Duration.ofSeconds(60));
      }
    }
  }
}
