package io.cairn.app.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cairn.app.CairnApp;
import io.cairn.app.OwnBroker;
import io.cairn.app.cli.Cli;
import io.cairn.app.config.CairnConfig;
import io.cairn.app.write.CommandClient;
import io.cairn.kafka.embedded.EmbeddedBroker;
import io.cairn.testkit.ReadinessWait;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema registry's log is lost while Cairn is down. Started again, Cairn would register its
 * contract from id 1 and hand the log's ids to other schemas; it stops instead, before registering
 * anything, and says which records name schemas the registry cannot give. The registry's export,
 * imported with its ids while Cairn is down, mends it: Cairn starts and reads its log as before.
 */
@Tag("faults")
class LostRegistryTest {
  @TempDir Path dir;

  @Test
  void aLostRegistryLogStopsStartUpUntilItsExportIsImportedWithItsIds() throws Exception {
    List<String> flags = OwnBroker.flags(dir, 1);
    Path export = dir.resolve("schemas.json");
    try (CairnApp app = CairnApp.start(CairnConfig.load(flags, Map.of()))) {
      ReadinessWait.awaitReady(app.httpUri(), Duration.ofSeconds(90));
      CommandClient.Answer added =
          new CommandClient(app.httpUri())
              .send("carts", "cart-1", "AddItem", "{\"productId\":\"tea\",\"quantity\":1}");
      assertThat(added.status()).as(added.body()).isEqualTo(200);
      assertThat(
              cli(List.of("schemas", "export", "--url=" + app.registryUri(), "--file=" + export)))
          .isZero();
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

    List<String> importing = new ArrayList<>(List.of("schemas", "import", "--file=" + export));
    importing.addAll(flags);
    assertThat(cli(importing)).isZero();
    try (CairnApp app = CairnApp.start(CairnConfig.load(flags, Map.of()))) {
      ReadinessWait.awaitReady(app.httpUri(), Duration.ofSeconds(90));
      CommandClient client = new CommandClient(app.httpUri());
      CommandClient.Answer next =
          client.send("carts", "cart-1", "AddItem", "{\"productId\":\"cake\",\"quantity\":1}");
      assertThat(next.status()).as(next.body()).isEqualTo(200);
      assertThat(next.json().get("version").asInt()).isEqualTo(2);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(client.get("/api/v1/carts/cart-1/events").body())
                      .contains("tea", "cake"));
    }
  }

  /** Runs a command of the jar's command line; its exit status, its output shown. */
  private static int cli(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    int status =
        Cli.commandLine(flags -> 0, Map.of(), print, print, false)
            .execute(args.toArray(String[]::new));
    System.out.print(out.toString(StandardCharsets.UTF_8));
    return status;
  }
}
