package io.cairn.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.app.CairnApp;
import io.cairn.kafka.embedded.BrokerSettings;
import io.cairn.testkit.TcpProxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker under the app fails while commands stream in: killed with SIGKILL and started again,
 * or reached over a network that slows down and is then cut. Whatever the clients were told, an
 * acknowledged command is in the log exactly once at the version it was told, versions have no
 * gaps, the views fold the log, and commands are acknowledged again soon after the fault ends. Each
 * case prints its figures (FAULT ...) into the test output.
 */
@Tag("faults")
class BrokerFaultsTest {
  private static final int CLIENTS = 4;
  private static final int CARTS = 20;
  private static final int STEADY = 150;

  @TempDir Path dir;

  @Test
  void theBrokerKilledAndRestartedUnderLoadLosesAndDuplicatesNothing() throws Exception {
    BrokerSettings settings = BrokerSettings.onFreePorts(dir.resolve("kafka"));
    try (FaultBroker broker = FaultBroker.start(settings);
        CairnApp app = FaultApp.start(dir, broker.bootstrapServers(), 0)) {
      String prefix = prefix("killed");
      FaultReport report;
      try (SteadyLoad load = SteadyLoad.start(app.httpUri(), prefix, CLIENTS, CARTS)) {
        awaitAcknowledged(load, STEADY);
        long began = System.nanoTime();
        broker.kill();
        broker.restart();
        long ended = System.nanoTime();
        awaitAcknowledged(load, load.acknowledged().size() + STEADY);
        load.close();
        report = new FaultReport("broker SIGKILL and restart", began, ended, load.acknowledged());
        assertThat(load.wrongAnswers()).as("answers no client should get").isEmpty();
      }
      LogAudit.verify(app, broker.bootstrapServers(), prefix, report);
    }
  }

  @Test
  void aSlowThenCutNetworkLosesAndDuplicatesNothing() throws Exception {
    BrokerSettings direct = BrokerSettings.onFreePorts(dir.resolve("kafka"));
    try (TcpProxy network = TcpProxy.start(0, direct.port());
        FaultBroker broker = FaultBroker.start(direct.advertising(network.port()));
        CairnApp app = FaultApp.start(dir, broker.bootstrapServers(), 0)) {
      String prefix = prefix("network");
      FaultReport report;
      try (SteadyLoad load = SteadyLoad.start(app.httpUri(), prefix, CLIENTS, CARTS)) {
        awaitAcknowledged(load, STEADY);
        long began = System.nanoTime();
        network.delay(Duration.ofMillis(200));
        awaitAcknowledged(load, load.acknowledged().size() + 10);
        network.cut();
        // The fault's length is the case's own, not a wait for something to happen.
        LockSupport.parkNanos(Duration.ofSeconds(20).toNanos());
        network.heal();
        long ended = System.nanoTime();
        awaitAcknowledged(load, load.acknowledged().size() + STEADY);
        load.close();
        report =
            new FaultReport(
                "network 200 ms slower, then cut 20 s", began, ended, load.acknowledged());
        assertThat(load.wrongAnswers()).as("answers no client should get").isEmpty();
      }
      LogAudit.verify(app, broker.bootstrapServers(), prefix, report);
    }
  }

  private static void awaitAcknowledged(SteadyLoad load, int count) {
    await().atMost(Duration.ofMinutes(2)).until(() -> load.acknowledged().size() >= count);
  }

  private static String prefix(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 6) + "-";
  }
}
