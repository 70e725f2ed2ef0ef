package io.cairn.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.app.RunningApp;
import io.cairn.app.write.CommandClient;
import io.cairn.testkit.WithRealKafka;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
    // The server frees a closed stream's slot at its next heartbeat.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              try (EventStreamClient again = EventStreamClient.open(stream("connections"), "x")) {
                return again.status();
              }
            },
            status -> status == 400);
    try (EventStreamClient unknown = EventStreamClient.open(stream("nothing"), null)) {
      assertThat(unknown.status()).isEqualTo(404);
    }
  }
}
