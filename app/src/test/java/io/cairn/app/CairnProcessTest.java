package io.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.kafka.embedded.BrokerSettings;
import io.cairn.testkit.FreePorts;
import io.cairn.testkit.JavaProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `cairn run` as its users run it: a separate process on its own embedded broker, stopped with
 * SIGTERM, started again on the same data.
 */
class CairnProcessTest {
  private static final Duration READY_WITHIN = Duration.ofSeconds(30);
  private static final String TOPIC = "cairn.carts.events";
  private static final String LATEST_CART_EVENT_SCHEMA =
      "/subjects/cairn.carts.events-value/versions/latest";

  /** A JVM ended by SIGTERM exits with 128 + 15 once its shutdown hooks have run. */
  private static final int STOPPED_BY_SIGTERM = 143;

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final int registryPort = FreePorts.any();

  @Test
  void shouldStartStopCleanlyAndFindItsDataAgainOnRestart() throws Exception {
    BrokerSettings broker = BrokerSettings.onFreePorts(dir.resolve("kafka"));
    int httpPort = FreePorts.any();
    List<String> args = runArgs(broker, httpPort, 2);

    long brokerPid;
    String schemaBeforeRestart;
    try (JavaProcess first = start(args, "first.log")) {
      awaitReady(first, httpPort);
      produce(broker.bootstrapServers(), "cart-1", "first run's event");
      schemaBeforeRestart = body(registryPort, LATEST_CART_EVENT_SCHEMA);
      brokerPid = Long.parseLong(Files.readString(dir.resolve("kafka/broker.pid")).split(" ")[0]);

      assertThat(first.terminate(Duration.ofSeconds(60))).isEqualTo(STOPPED_BY_SIGTERM);
      assertThat(first.output()).contains("Cairn stopped.");
    }
    assertThat(ProcessHandle.of(brokerPid).filter(ProcessHandle::isAlive)).isEmpty();

    try (JavaProcess second = start(args, "second.log")) {
      awaitReady(second, httpPort);

      assertThat(consumeAll(broker.bootstrapServers())).containsExactly("first run's event");
      assertThat(second.output()).doesNotContain("Created topics");
      assertThat(body(registryPort, LATEST_CART_EVENT_SCHEMA)).isEqualTo(schemaBeforeRestart);
      assertThat(second.terminate(Duration.ofSeconds(60))).isEqualTo(STOPPED_BY_SIGTERM);
    }
  }

  @Test
  void shouldRefuseToStartWhenExistingTopicsDifferFromTheDeclarations() throws Exception {
    BrokerSettings broker = BrokerSettings.onFreePorts(dir.resolve("kafka"));
    int httpPort = FreePorts.any();
    try (JavaProcess first = start(runArgs(broker, httpPort, 2), "first.log")) {
      awaitReady(first, httpPort);
      first.terminate(Duration.ofSeconds(60));
    }

    try (JavaProcess repartitioned = start(runArgs(broker, httpPort, 3), "second.log")) {
      assertThat(repartitioned.awaitExit(Duration.ofSeconds(60))).isEqualTo(Main.FAILED);
      assertThat(repartitioned.output())
          .contains("Cairn cannot start: existing topics differ from Cairn's declarations")
          .contains(TOPIC + " has 2 partitions, but Cairn declares 3");
    }
  }

  private List<String> runArgs(BrokerSettings broker, int httpPort, int partitions) {
    return List.of(
        "run",
        "--http.port=" + httpPort,
        "--broker.port=" + broker.port(),
        "--broker.controller.port=" + broker.controllerPort(),
        "--broker.data.dir=" + broker.dataDir(),
        "--broker.heap=512m",
        "--registry.port=" + registryPort,
        "--streams.state.dir=" + dir.resolve("streams"),
        "--topics.partitions=" + partitions);
  }

  private JavaProcess start(List<String> args, String log) {
    return JavaProcess.start(Main.class.getName(), args, Map.of(), dir.resolve(log));
  }

  private void awaitReady(JavaProcess app, int port) {
    URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
    await()
        .atMost(READY_WITHIN)
        .pollInterval(Duration.ofMillis(200))
        .failFast("the app exited:\n" + app.output(), () -> !app.isAlive())
        .until(() -> status(ready) == 200);
  }

  private int status(URI uri) {
    try {
      return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The registry's answer, which holds the schema's id and version. */
  private String body(int port, String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + port + path);
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static void produce(String bootstrap, String key, String value) throws Exception {
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all");
    try (var producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
    }
  }

  private static List<String> consumeAll(String bootstrap) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(TOPIC));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return !values.isEmpty();
              });
    }
    return values;
  }
}
