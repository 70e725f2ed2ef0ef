package io.cairn.app.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.app.CairnApp;
import io.cairn.app.OwnBroker;
import io.cairn.app.TopicReader;
import io.cairn.app.cli.RebuildAggregatesCommand;
import io.cairn.app.config.CairnConfig;
import io.cairn.engine.commands.CommandProcessors;
import io.cairn.kafka.embedded.EmbeddedBroker;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.ReadinessWait;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write side loses its stores' changelogs and local state while Cairn is down. At the next
 * start it finds its stores trailing the log and takes no command, rather than append versions that
 * exist; {@code cairn rebuild-aggregates} then writes back the very snapshots that were lost, and
 * commands continue at the next version.
 */
@Tag("faults")
class RebuildAggregatesTest {
  private static final List<String> TYPES = List.of("carts", "customers");
  private static final Deserializer<Object> BYTES = (topic, bytes) -> bytes;

  @TempDir Path dir;

  @Test
  void aLostStoreIsRefusedThenRebuiltFromTheLogAsItWas() throws Exception {
    List<String> flags = OwnBroker.flags(dir, 2);
    Map<String, Integer> versions = new HashMap<>();
    Map<String, String> before;
    try (CairnApp app = started(flags)) {
      CommandClient client = new CommandClient(app.httpUri());
      for (int cart = 0; cart < 8; cart++) {
        for (int item = 0; item <= cart % 3; item++) {
          CommandClient.Answer added =
              client.send(
                  "carts",
                  "cart-" + cart,
                  "AddItem",
                  "{\"productId\":\"tea-" + item + "\",\"quantity\":1}");
          assertThat(added.status()).as(added.body()).isEqualTo(200);
          versions.put("cart-" + cart, added.json().get("version").asInt());
        }
      }
      CommandClient.Answer registered =
          client.send(
              "customers", "ada", "RegisterCustomer", "{\"name\":\"Ada\",\"email\":\"a@x.org\"}");
      assertThat(registered.status()).as(registered.body()).isEqualTo(200);
      before = snapshots(app.kafka().bootstrapServers());
    }
    assertThat(before).hasSize(9);

    loseTheStores(flags);

    try (CairnApp app = CairnApp.start(CairnConfig.load(flags, Map.of()))) {
      CommandClient.Answer refused =
          new CommandClient(app.httpUri())
              .send("carts", "cart-1", "AddItem", "{\"productId\":\"tea\",\"quantity\":1}");
      assertThat(refused.status()).as(refused.body()).isEqualTo(503);
      assertThat(refused.body())
          .contains("aggregates_behind_log", "carts partition", "rebuild-aggregates");
      HttpResponse<String> ready =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(app.httpUri().resolve("/health/ready")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("\"cairn-commands\":\"held: ");
      HttpResponse<String> live =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(app.httpUri().resolve("/health/live")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(live.statusCode()).as("a restart would not mend it").isEqualTo(200);
    }

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = new RebuildAggregatesCommand(Map.of(), print(out), print(err), false).run(flags);
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    System.out.print(out.toString(StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("carts: 8 aggregates from 15 events", "customers: 1 aggregates from 1 events");

    try (CairnApp app = started(flags)) {
      assertThat(snapshots(app.kafka().bootstrapServers()))
          .as("the changelogs end with the very snapshots that were lost")
          .isEqualTo(before);
      CommandClient.Answer next =
          new CommandClient(app.httpUri())
              .send("carts", "cart-2", "AddItem", "{\"productId\":\"cake\",\"quantity\":1}");
      assertThat(next.status()).as(next.body()).isEqualTo(200);
      assertThat(next.json().get("version").asInt()).isEqualTo(versions.get("cart-2") + 1);
    }
  }

  private static CairnApp started(List<String> flags) {
    CairnApp app = CairnApp.start(CairnConfig.load(flags, Map.of()));
    try {
      ReadinessWait.awaitReady(app.httpUri(), Duration.ofSeconds(90));
    } catch (RuntimeException | AssertionError e) {
      app.close();
      throw e;
    }
    return app;
  }

  /** Deletes the aggregates' changelogs on the broker alone, and the local state. */
  private void loseTheStores(List<String> flags) throws IOException {
    CairnConfig config = CairnConfig.load(flags, Map.of());
    try (EmbeddedBroker broker = EmbeddedBroker.start(config.broker());
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      List<String> changelogs = TYPES.stream().map(CommandProcessors::aggregatesChangelog).toList();
      admin.deleteTopics(changelogs).all().get();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> admin.listTopics().names().get().stream().noneMatch(changelogs::contains));
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> files = Files.walk(dir.resolve("state"))) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** The latest snapshot of each aggregate in the changelogs, as hex of its bytes, by id. */
  private static Map<String, String> snapshots(String bootstrap) {
    Map<String, String> latest = new HashMap<>();
    for (String type : TYPES) {
      List<ConsumerRecord<String, Object>> records =
          TopicReader.readAll(
              new KafkaTestCluster(bootstrap), CommandProcessors.aggregatesChangelog(type), BYTES);
      records.forEach(r -> latest.put(r.key(), HexFormat.of().formatHex((byte[]) r.value())));
    }
    return latest;
  }

  private static PrintStream print(ByteArrayOutputStream to) {
    return new PrintStream(to, true, StandardCharsets.UTF_8);
  }
}
