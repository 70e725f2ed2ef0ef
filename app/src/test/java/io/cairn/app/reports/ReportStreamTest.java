package io.cairn.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.app.CairnApp;
import io.cairn.app.InProcessApp;
import io.cairn.app.RunningApp;
import io.cairn.app.write.CommandClient;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The live streams of the reports on the real broker: a client that goes away and comes back with
 * Last-Event-ID is given every change it missed, in order; streams beyond the limit are refused
 * with 503; a quiet stream sends heartbeats.
 */
@WithRealKafka
class ReportStreamTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final RunningApp app =
      new RunningApp(List.of("--reports.streams.max=2", "--reports.streams.heartbeat=PT1S"));

  /** What Javalin logs, where a stream ended badly would show as an uncaught exception. */
  private static final ListAppender<ILoggingEvent> JAVALIN = new ListAppender<>();

  @BeforeAll
  static void watchJavalin() {
    JAVALIN.start();
    ((Logger) LoggerFactory.getLogger("io.javalin.Javalin")).addAppender(JAVALIN);
  }

  @AfterAll
  static void stopWatchingJavalin() {
    ((Logger) LoggerFactory.getLogger("io.javalin.Javalin")).detachAppender(JAVALIN);
  }

  private static URI stream(String report) {
    return app.httpUri().resolve("/api/v1/reports/" + report + "/stream");
  }

  private static void place(String product, int units) {
    CommandClient.Answer placed =
        app.client()
            .send(
                "orders",
                product + "-" + UUID.randomUUID().toString().substring(0, 8),
                "PlaceOrder",
                "{\"customerId\":\"ann\",\"currency\":\"EUR\",\"lines\":[{\"productId\":\"%s\",\"quantity\":%d,\"unitPriceMinor\":100}]}"
                    .formatted(product, units));
    assertThat(placed.status()).as(placed.body()).isEqualTo(200);
  }

  /** The next window event of a product, skipping others' and heartbeats; fails after a while. */
  private static EventStreamClient.Event nextWindowOf(EventStreamClient client, String product)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      EventStreamClient.Event event = client.next(Duration.ofSeconds(1));
      if (event != null
          && event.type().equals("window")
          && JSON.readTree(event.data()).get("key").asText().equals(product)) {
        return event;
      }
    }
    throw new AssertionError("no change of " + product + "'s window came");
  }

  private static long units(EventStreamClient.Event event) throws Exception {
    return JSON.readTree(event.data()).get("unitsSold").asLong();
  }

  private static EventStreamClient openWhenFree(String report) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              EventStreamClient client = EventStreamClient.open(stream(report), null);
              if (client.status() != 200) {
                client.close();
              }
              return client;
            },
            client -> client.status() == 200);
  }

  @Test
  void aClientThatResumesWithTheLastEventIdIsGivenEveryChangeItMissedInOrder() throws Exception {
    String tea = "tea-" + UUID.randomUUID().toString().substring(0, 8);
    String lastId;
    try (EventStreamClient first = EventStreamClient.open(stream("sales-by-product"), null)) {
      assertThat(first.status()).isEqualTo(200);
      place(tea, 1);
      EventStreamClient.Event event = nextWindowOf(first, tea);
      assertThat(units(event)).isEqualTo(1);
      assertThat(JSON.readTree(event.data()).get("windowStart").asText()).endsWith(":00:00Z");
      lastId = event.id();
    }
    place(tea, 2);
    place(tea, 3);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> app.client().get("/api/v1/reports/sales-by-product?key=" + tea).json(),
            page -> page.at("/items/0/unitsSold").asLong() == 6);

    try (EventStreamClient resumed = EventStreamClient.open(stream("sales-by-product"), lastId)) {
      List<Long> seen = new ArrayList<>();
      seen.add(units(nextWindowOf(resumed, tea)));
      seen.add(units(nextWindowOf(resumed, tea)));
      assertThat(seen).containsExactly(3L, 6L);
    }
  }

  @Test
  void streamsBeyondTheLimitAreRefusedAndAQuietStreamSendsHeartbeats() throws Exception {
    // Streams of the other test may still hold their slots until their next heartbeat.
    try (EventStreamClient one = openWhenFree("stock-outs");
        EventStreamClient two = openWhenFree("connections");
        EventStreamClient three = EventStreamClient.open(stream("points-flow"), null)) {
      assertThat(one.status()).isEqualTo(200);
      assertThat(two.status()).isEqualTo(200);
      assertThat(three.status()).isEqualTo(503);
      JsonNode refused = JSON.readTree(three.body());
      assertThat(refused.get("error").asText()).isEqualTo("too_many_streams");
      EventStreamClient.Event heartbeat = one.next(Duration.ofSeconds(5));
      assertThat(heartbeat).isNotNull();
      assertThat(heartbeat.type()).isEqualTo("comment");
    }
    // The server frees a closed stream's place once a heartbeat finds its client gone.
    try (EventStreamClient again = openWhenFree("connections");
        EventStreamClient more = openWhenFree("stock-outs")) {
      assertThat(again.status()).isEqualTo(200);
      assertThat(more.status()).isEqualTo(200);
    }
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                JAVALIN.list.stream()
                    .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN)));
    try (EventStreamClient bad = EventStreamClient.open(stream("connections"), "x")) {
      assertThat(bad.status()).isEqualTo(400);
    }
    try (EventStreamClient unknown = EventStreamClient.open(stream("nothing"), null)) {
      assertThat(unknown.status()).isEqualTo(404);
    }
  }

  @Test
  void anAppThatStopsEndsItsStreamsWithAFinalEventAndNoErrorOfItsOwn(
      KafkaTestCluster kafka, @TempDir Path dir) throws Exception {
    JAVALIN.list.clear();
    EventStreamClient.Event last = null;
    try (CairnApp stopping = InProcessApp.start(kafka, dir);
        EventStreamClient client =
            EventStreamClient.open(
                stopping.httpUri().resolve("/api/v1/reports/connections/stream"), null)) {
      assertThat(client.status()).isEqualTo(200);
      stopping.close();
      for (EventStreamClient.Event event = client.next(Duration.ofSeconds(10));
          event != null;
          event = client.next(Duration.ofSeconds(2))) {
        last = event;
      }
    }
    assertThat(last).isNotNull();
    assertThat(last.type()).isEqualTo("closed");
    assertThat(last.data()).contains("\"reason\":\"ended\"");
    assertThat(JAVALIN.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
  }
}
