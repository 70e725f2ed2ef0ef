package io.cairn.app.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.app.config.HttpConfig;
import io.cairn.engine.streams.StreamsInstance;
import io.cairn.testkit.FreePorts;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import io.cairn.web.HttpServer;
import io.cairn.web.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithRealKafka
class ReadinessProbeTest {
  @TempDir Path stateDir;

  @Test
  void shouldWaitForEveryStreamsInstanceToRun(KafkaTestCluster kafka) throws Exception {
    String topic = kafka.uniqueName("readiness");
    try (Admin admin = Admin.create(kafka.clientProperties());
        KafkaStreams streams = countingStreams(kafka, topic)) {
      admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get();
      ReadinessProbe probe =
          new ReadinessProbe(
              admin,
              Duration.ofSeconds(5),
              () -> List.of(new StreamsInstance("views", streams)),
              List::of,
              List.of(),
              Map.of(),
              Map.of("process-manager:checkout", "views"));

      Readiness before = probe.check().get();
      assertThat(before.ready()).isFalse();
      assertThat(before.reasons()).isEqualTo("views is CREATED, not RUNNING");
      assertThat(before.checks()).containsEntry("process-manager:checkout", "CREATED in views");

      streams.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> probe.check().get().ready());
      assertThat(probe.check().get().checks())
          .containsEntry("views", "RUNNING")
          .containsEntry("process-manager:checkout", "RUNNING in views");
    }
  }

  @Test
  void shouldAnswerNotReadyOverHttpWhenKafkaIsUnreachable() throws Exception {
    Map<String, Object> nowhere =
        Map.of(
            "bootstrap.servers", "127.0.0.1:" + FreePorts.any(), "reconnect.backoff.max.ms", 200);
    try (Admin admin = Admin.create(nowhere);
        HttpServer server =
            HttpServer.start(
                HttpConfig.on("127.0.0.1", 0).server(),
                Json.newMapper(),
                routes ->
                    routes.routes.get(
                        "/health/ready",
                        new HealthRoutes(
                                new ReadinessProbe(
                                    admin,
                                    Duration.ofMillis(500),
                                    List::of,
                                    List::of,
                                    List.of(),
                                    Map.of(),
                                    Map.of()))
                            ::ready))) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.uri().resolve("/health/ready")).build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(503);
      JsonNode body = Json.newMapper().readTree(response.body());
      assertThat(body.get("error").asText()).isEqualTo("not_ready");
      assertThat(body.get("message").asText()).startsWith("Cairn is not ready: kafka unreachable");
      assertThat(body.get("details").get("checks").get("kafka").asText()).startsWith("unreachable");
    }
  }

  @Test
  void aStoppedWorkerTakesLivenessDownAndNamesItselfInReadiness(KafkaTestCluster kafka)
      throws Exception {
    AtomicBoolean listening = new AtomicBoolean(true);
    try (Admin admin = Admin.create(kafka.clientProperties());
        HttpServer server =
            HttpServer.start(
                HttpConfig.on("127.0.0.1", 0).server(),
                Json.newMapper(),
                routes -> {
                  HealthRoutes health =
                      new HealthRoutes(
                          new ReadinessProbe(
                              admin,
                              Duration.ofSeconds(5),
                              List::of,
                              List::of,
                              List.of(new Worker("reply-listener", listening::get)),
                              Map.of(),
                              Map.of()));
                  routes.routes.get("/health/live", health::live);
                  routes.routes.get("/health/ready", health::ready);
                })) {
      assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);
      assertThat(get(server, "/health/ready").body()).contains("\"reply-listener\":\"running\"");

      listening.set(false);

      HttpResponse<String> live = get(server, "/health/live");
      assertThat(live.statusCode()).isEqualTo(503);
      assertThat(live.body()).contains("not_live", "reply-listener has stopped");
      assertThat(get(server, "/health/ready").statusCode()).isEqualTo(503);
    }
  }

  private static HttpResponse<String> get(HttpServer server, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(server.uri().resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private KafkaStreams countingStreams(KafkaTestCluster kafka, String topic) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(topic, Consumed.with(Serdes.String(), Serdes.String())).groupByKey().count();
    Properties props = new Properties();
    props.putAll(kafka.clientProperties());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, kafka.uniqueName("readiness-app"));
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return new KafkaStreams(builder.build(), props);
  }
}
