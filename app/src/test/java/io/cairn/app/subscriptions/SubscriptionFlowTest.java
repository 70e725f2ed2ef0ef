package io.cairn.app.subscriptions;

import static io.cairn.app.subscriptions.Subscriber.latest;
import static io.cairn.app.subscriptions.Subscriber.ok;
import static io.cairn.app.subscriptions.Subscriber.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.app.CairnApp;
import io.cairn.app.InProcessApp;
import io.cairn.app.write.CommandClient;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Meal subscriptions end to end on the real broker, through HTTP only, with periods of a few
 * seconds: each period places an order through the checkout, a paused subscription skips its
 * periods, a cancelled one stops, and an order cancelled for want of stock does not stop the next.
 */
@WithRealKafka
class SubscriptionFlowTest {
  private static final String EVERY = "PT3S";

  @TempDir static Path stateDir;
  private static CairnApp app;
  private static Subscriber sam;

  @BeforeAll
  static void start(KafkaTestCluster kafka) {
    app = InProcessApp.start(kafka, stateDir, List.of("--subscriptions.min.interval=PT1S"));
    sam = new Subscriber(new CommandClient(app.httpUri()));
    sam.register();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void eachPeriodOrdersSkipsWhilePausedAndStopsWhenCancelled() {
    // Stock for two periods: the third is cancelled out_of_stock, and the fourth is ordered again.
    String soup = sam.product(4);
    String subscription = sam.subscribe(soup, 2, EVERY);

    JsonNode view =
        sam.awaitView(
            subscription,
            v ->
                period(v, 1, "CONFIRMED")
                    && period(v, 2, "CONFIRMED")
                    && period(v, 3, "CANCELLED"));
    assertThat(view.at("/periods/0/reason").asText()).isEqualTo("out_of_stock");
    assertThat(view.get("every").asText()).isEqualTo(EVERY);
    sam.receiveStock(soup, 100);
    // The first period to start after the stock arrived, whatever the view has not shown yet.
    int refilled = latest(sam.awaitView(subscription, v -> true), "ORDERED") + 2;
    sam.awaitView(subscription, v -> period(v, refilled, "CONFIRMED"));

    ok(sam.send(subscription, "Pause", "{}"));
    JsonNode paused = sam.awaitView(subscription, v -> latest(v, "SKIPPED") > 0);
    assertThat(paused.get("status").asText()).isEqualTo("PAUSED");
    assertThat(paused.get("nextRunAt").isNull()).isTrue();
    int skipped = latest(paused, "SKIPPED");

    ok(sam.send(subscription, "Resume", "{}"));
    sam.awaitView(subscription, v -> latest(v, "ORDERED") > skipped);

    ok(sam.send(subscription, "Cancel", "{}"));
    sam.awaitProcessCompleted(subscription);
    int periods = sam.awaitView(subscription, v -> true).at("/periods/0/period").asInt();
    // Two periods' time with nothing new: the cancelled subscription has stopped.
    await()
        .during(Duration.ofSeconds(7))
        .atMost(Duration.ofSeconds(12))
        .until(
            () -> sam.awaitView(subscription, v -> true).at("/periods/0/period").asInt(),
            n -> n == periods);
    assertThat(sam.send(subscription, "Resume", "{}").error()).isEqualTo("subscription_cancelled");

    JsonNode done = sam.awaitView(subscription, v -> true);
    assertThat(done.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(done.get("ordered").asInt() + done.get("skipped").asInt()).isEqualTo(periods);
    for (JsonNode period : done.get("periods")) {
      if (period.get("outcome").asText().equals("ORDERED")) {
        String order = period.get("orderId").asText();
        assertThat(order).isEqualTo(subscription + "-" + period.get("period").asInt());
        assertThat(sam.eventTypes("carts", order)).containsExactly("ItemAdded", "CartCheckedOut");
        assertThat(sam.eventTypes("orders", order)).containsOnlyOnce("OrderPlaced");
      }
    }
  }

  @Test
  void aCustomerListsTheirSubscriptions() {
    String soup = sam.product(0);
    String first = sam.subscribe(soup, 1, "PT1H");
    String second = sam.subscribe(soup, 1, "P7D");
    ok(sam.send(first, "Pause", "{}"));

    JsonNode list =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> sam.client().get("/api/v1/customers/" + sam.customerId() + "/subscriptions"),
                answer ->
                    answer.status() == 200
                        && answer.json().toString().contains(second)
                        && answer.json().toString().contains("PAUSED"))
            .json();
    assertThat(list.get("items").findValuesAsText("subscriptionId")).contains(first, second);
  }

  @Test
  void aPeriodShorterThanTheMinimumOrNotADurationIsRefusedAndNothingIsWritten() {
    String soup = sam.product(0);
    CommandClient.Answer tooShort =
        sam.send("sub-short", "Subscribe", sam.payload(soup, 1, "PT0.5S"));
    assertThat(tooShort.status()).isEqualTo(422);
    assertThat(tooShort.error()).isEqualTo("interval_too_short");
    CommandClient.Answer notADuration =
        sam.send("sub-short", "Subscribe", sam.payload(soup, 1, "weekly"));
    assertThat(notADuration.status()).isEqualTo(400);
    assertThat(notADuration.body()).contains("payload.every");
    assertThat(sam.client().get("/api/v1/subscriptions/sub-short/events").status()).isEqualTo(404);
  }
}
