package io.cairn.app.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cairn.app.CairnApp;
import io.cairn.app.config.CairnConfig;
import io.cairn.app.write.CommandClient;
import io.cairn.kafka.embedded.BrokerSettings;
import io.cairn.kafka.embedded.EmbeddedBroker;
import io.cairn.testkit.ReadinessWait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema registry's log is lost while Cairn is down. Started again, Cairn would register its
 * contract from id 1 and hand the log's ids to other schemas; it stops instead, before registering
 * anything, and says which records name schemas the registry cannot give.
 */
class LostRegistryTest {
  @TempDir Path dir;

  @Test
  void aLostRegistryLogStopsStartUpBeforeAnySchemaIsRegistered() throws Exception {
    BrokerSettings broker = BrokerSettings.onFreePorts(dir.resolve("kafka"));
    List<String> flags =
        List.of(
            "--http.port=0",
            "--registry.port=0",
            "--topics.partitions=1",
            "--streams.state.dir=" + dir.resolve("state"),
            "--broker.data.dir=" + broker.dataDir(),
            "--broker.port=" + broker.port(),
            "--broker.controller.port=" + broker.controllerPort(),
            "--broker.heap=512m");
    try (CairnApp app = CairnApp.start(CairnConfig.load(flags, Map.of()))) {
      ReadinessWait.awaitReady(app.httpUri(), Duration.ofSeconds(90));
      CommandClient.Answer added =
          new CommandClient(app.httpUri())
              .send("carts", "cart-1", "AddItem", "{\"productId\":\"tea\",\"quantity\":1}");
      assertThat(added.status()).as(added.body()).isEqualTo(200);
    }
    try (EmbeddedBroker alone = EmbeddedBroker.start(CairnConfig.load(flags, Map.of()).broker());
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, alone.bootstrapServers()))) {
      admin.deleteTopics(List.of("_schemas")).all().get();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !admin.listTopics().names().get().contains("_schemas"));
    }

    assertThatThrownBy(() -> CairnApp.start(CairnConfig.load(flags, Map.of())).close())
        .hasMessageContaining("the schema registry does not hold the schemas")
        .hasMessageContaining("cairn.carts.events-0 at offset 0 was written with schema id")
        .hasMessageContaining("nothing was registered");
  }
}
