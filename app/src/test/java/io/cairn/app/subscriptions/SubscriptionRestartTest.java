package io.cairn.app.subscriptions;

import static io.cairn.app.subscriptions.Subscriber.latest;
import static io.cairn.app.subscriptions.Subscriber.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.app.AppProcess;
import io.cairn.app.write.CommandClient;
import io.cairn.testkit.JavaProcess;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.ReadinessWait;
import io.cairn.testkit.WithRealKafka;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app is killed with SIGKILL while a subscription runs, stays down for several periods, and is
 * started again: the periods it was down for are ordered one after another when it is back, and
 * every period, before, during and after the crash, is ordered exactly once.
 */
@WithRealKafka
class SubscriptionRestartTest {
  private static final Duration EVERY = Duration.ofSeconds(4);
  private static final Duration START = Duration.ofSeconds(120);

  @TempDir Path dir;

  @Test
  void noPeriodIsMissedOrOrderedTwiceAcrossASigkill(KafkaTestCluster kafka) throws Exception {
    // The payment timeout is longer than a restart takes here, so that a period whose payment was
    // being authorised when the app was killed is not cancelled for it.
    AppProcess app =
        AppProcess.on(
            kafka, dir, "--subscriptions.min.interval=PT1S", "--checkout.payment.timeout=PT3M");
    URI api = app.api();
    Subscriber sam = new Subscriber(new CommandClient(api));
    String subscription;
    try (JavaProcess first = app.start("first")) {
      ReadinessWait.awaitReady(api, START);
      sam.register();
      subscription = sam.subscribe(sam.product(1_000), 1, EVERY.toString());
      sam.awaitView(subscription, view -> latest(view, "ORDERED") >= 2);
      first.kill(Duration.ofSeconds(30));
    }
    Instant down = Instant.now();
    try (JavaProcess second = app.start("second")) {
      ReadinessWait.awaitReady(api, START);
      Instant back = Instant.now();
      assertThat(Duration.between(down, back)).isGreaterThan(EVERY.multipliedBy(2));
      // Caught up: a period due after the app was back has been ordered.
      JsonNode caughtUp =
          sam.awaitView(
              subscription,
              view -> Instant.parse(view.at("/periods/0/dueAt").asText()).isAfter(back));
      int periods = caughtUp.at("/periods/0/period").asInt();
      ok(sam.send(subscription, "Cancel", "{}"));
      sam.awaitProcessCompleted(subscription);

      List<JsonNode> started =
          sam.events("subscriptions", subscription).stream()
              .filter(event -> event.get("type").asText().equals("PeriodStarted"))
              .toList();
      assertThat(started.size()).isGreaterThanOrEqualTo(periods);
      Instant first = Instant.parse(started.getFirst().at("/payload/dueAt").asText());
      for (int i = 0; i < started.size(); i++) {
        JsonNode payload = started.get(i).get("payload");
        assertThat(payload.get("period").asInt()).isEqualTo(i + 1);
        assertThat(Instant.parse(payload.get("dueAt").asText()))
            .isEqualTo(first.plus(EVERY.multipliedBy(i)));
        String order = subscription + "-" + (i + 1);
        assertThat(sam.eventTypes("carts", order)).containsExactly("ItemAdded", "CartCheckedOut");
      }
      for (int i = 0; i < started.size(); i++) {
        String order = subscription + "-" + (i + 1);
        Subscriber.awaitOrderConfirmed(sam.client(), order);
        assertThat(sam.eventTypes("orders", order))
            .containsExactly("OrderPlaced", "OrderConfirmed");
      }
      second.terminate(Duration.ofSeconds(60));
    }
  }
}
