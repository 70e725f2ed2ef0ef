package io.cairn.app.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.app.Main;
import io.cairn.app.write.CommandClient;
import io.cairn.kafka.embedded.BrokerSettings;
import io.cairn.testkit.FreePorts;
import io.cairn.testkit.JavaProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `cairn run` as a user runs it, on its own embedded broker and with the log configuration it ships
 * with, through a few hundred commands, checkouts and queries and a stop: it prints no warning or
 * error, so that one it does print is worth reading.
 */
class QuietLogTest {
  private static final int CARTS = 40;
  private static final int ITEMS_PER_CART = 5;
  private static final int CHECKED_OUT = 20;
  private static final Duration SETTLED = Duration.ofSeconds(60);
  private static final int FIRST_JDK_WARNING_OF_UNSAFE = 23;

  /** A JVM ended by SIGTERM exits with 128 + 15 once its shutdown hooks have run. */
  private static final int STOPPED_BY_SIGTERM = 143;

  @TempDir Path dir;

  @Test
  void shouldPrintNoWarningOrErrorFromStartThroughLoadToStop() throws Exception {
    BrokerSettings broker = BrokerSettings.onFreePorts(dir.resolve("kafka"));
    int httpPort = FreePorts.any();
    List<String> args =
        List.of(
            "run",
            "--http.port=" + httpPort,
            "--registry.port=" + FreePorts.any(),
            "--broker.port=" + broker.port(),
            "--broker.controller.port=" + broker.controllerPort(),
            "--broker.data.dir=" + broker.dataDir(),
            "--streams.state.dir=" + dir.resolve("streams"));
    Path output = dir.resolve("cairn.log");
    try (JavaProcess app =
        JavaProcess.start(Main.class.getName(), asShipped(), args, Map.of(), output)) {
      CommandClient client = new CommandClient(URI.create("http://127.0.0.1:" + httpPort));
      awaitReady(app, client);

      try {
        shop(client);
      } catch (RuntimeException | AssertionError failure) {
        throw new AssertionError("the shopping failed; the app said:\n" + app.output(), failure);
      }

      assertThat(app.terminate(Duration.ofSeconds(60))).isEqualTo(STOPPED_BY_SIGTERM);
    }
    List<String> lines = Files.readAllLines(output);
    assertThat(lines).as("the output").contains("Cairn stopped.");
    assertThat(lines)
        .as("lines that warn or report an error")
        .noneMatch(line -> line.contains("WARN") || line.contains("ERROR"));
    assertThat(lines)
        .filteredOn(line -> line.contains(" INFO "))
        .isNotEmpty()
        .allMatch(
            line ->
                line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[.+].*"),
            "a line with its date and thread");
  }

  /**
   * The JVM options bin/cairn gives the app, the one that makes it read logback.xml as the jar has
   * it rather than the tests' configuration, and a temp directory apart from its state.
   */
  private List<String> asShipped() throws URISyntaxException, IOException {
    Path shipped = Path.of(Main.class.getResource("/logback.xml").toURI());
    List<String> options = new ArrayList<>();
    options.add("-Dlogback.configurationFile=" + shipped);
    // The test's directories, and CI's checkout, lie under the OS temp directory, where Kafka
    // Streams rightly warns of keeping state. The app gets a temp directory of its own, as an app
    // has whose state is kept apart from its temp files.
    options.add("-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")));
    options.add("--enable-native-access=ALL-UNNAMED");
    if (Runtime.version().feature() >= FIRST_JDK_WARNING_OF_UNSAFE) {
      options.add("--sun-misc-unsafe-memory-access=allow");
    }
    return options;
  }

  private static void awaitReady(JavaProcess app, CommandClient client) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .failFast("the app exited:\n" + app.output(), () -> !app.isAlive())
        .ignoreExceptions()
        .until(() -> client.get("/health/ready").status() == 200);
  }

  /** Carts filled and checked out, their views and orders read, and a few client mistakes. */
  private static void shop(CommandClient client) {
    String product = "p-" + UUID.randomUUID();
    ok(
        client.send(
            "products",
            product,
            "DefineProduct",
            "{\"name\":\"Tea\",\"category\":\"drinks\",\"priceMinor\":450,\"currency\":\"EUR\"}"));
    ok(client.send("inventory", product, "ReceiveStock", "{\"quantity\":1000}"));
    List<String> carts =
        IntStream.range(0, CARTS).mapToObj(i -> "cart-" + UUID.randomUUID()).toList();
    List<CompletableFuture<CommandClient.Answer>> items = new ArrayList<>();
    for (String cart : carts) {
      for (int i = 0; i < ITEMS_PER_CART; i++) {
        String add =
            "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"%s\",\"quantity\":1}}"
                .formatted(product);
        items.add(client.sendAsync("carts", cart, add, Map.of()));
      }
    }
    items.forEach(answer -> ok(answer.join()));
    for (String cart : carts.subList(0, CHECKED_OUT)) {
      ok(client.send("carts", cart, "CheckOut", "{\"customerId\":\"c-1\"}"));
    }
    for (String cart : carts) {
      await().atMost(SETTLED).until(() -> client.get("/api/v1/carts/" + cart).status() == 200);
    }
    for (String order : carts.subList(0, CHECKED_OUT)) {
      await()
          .atMost(SETTLED)
          .until(
              () -> client.get("/api/v1/orders/" + order),
              answer -> answer.status() == 200 && answer.body().contains("CONFIRMED"));
    }
    assertThat(client.get("/api/v1/reports/sales-by-product").status()).isEqualTo(200);
    assertThat(client.send("carts", carts.get(0), "AddItem", "{}").status()).isEqualTo(400);
    assertThat(client.get("/api/v1/carts/no-such-cart").status()).isEqualTo(404);
    assertThat(client.get("/api/v1/nothing-here").status()).isEqualTo(404);
  }

  private static void ok(CommandClient.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }
}
