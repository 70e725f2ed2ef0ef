package io.cairn.app.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.app.AppProcess;
import io.cairn.app.write.CommandClient;
import io.cairn.provider.SimulatedPaymentProvider;
import io.cairn.testkit.JavaProcess;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.ReadinessWait;
import io.cairn.testkit.WithRealKafka;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app is killed with SIGKILL while checkouts are under way, and restarted: every checkout ends
 * as it would have without the crash, with no reservation, charge or event made twice. The payment
 * provider runs in the test, so it outlives the app and counts what it was asked.
 */
@WithRealKafka
class CheckoutCrashTest {
  private static final int CHECKOUTS = 12;
  private static final Duration START = Duration.ofSeconds(120);

  @TempDir Path dir;

  @Test
  void aCheckoutCutShortBySigkillEndsAsItWouldHaveWithNothingDoneTwice(KafkaTestCluster kafka)
      throws Exception {
    // Longer than a restart takes here, so no authorisation times out while the app is down: the
    // checkouts must end as they would have without the crash.
    AppProcess app = AppProcess.on(kafka, dir, "--checkout.payment.timeout=PT3M");
    URI api = app.api();
    Shop shop = new Shop(new CommandClient(api));
    try (SimulatedPaymentProvider provider =
        SimulatedPaymentProvider.start("127.0.0.1", 0, 1_000_000)) {
      app.withEnv("CAIRN_PAYMENTS_PROVIDER_URL", provider.uri().toString());
      String tea;
      List<String> confirmed = new ArrayList<>();
      List<String> declined = new ArrayList<>();
      try (JavaProcess first = app.start("first")) {
        ReadinessWait.awaitReady(api, START);
        tea = shop.product(450, "EUR", 100);
        for (int i = 0; i < CHECKOUTS; i++) {
          String token = i % 3 == 0 ? "tok_decline" : i % 3 == 1 ? "tok_flaky" : null;
          String order = shop.checkOut(token, new Shop.Line(tea, 2));
          (i % 3 == 0 ? declined : confirmed).add(order);
        }
        first.kill(Duration.ofSeconds(30));
      }
      try (JavaProcess second = app.start("second")) {
        ReadinessWait.awaitReady(api, START);
        for (String order : confirmed) {
          shop.awaitProcess(order, "RUNNING", "CONFIRMED");
          shop.awaitOrder(order, "CONFIRMED", "AUTHORIZED");
          assertThat(shop.awaitEvents("orders", order, 2))
              .containsExactly("OrderPlaced", "OrderConfirmed");
          assertThat(shop.awaitEvents("payments", order, 2))
              .containsExactly("AuthorizationRequested", "PaymentAuthorized");
          assertThat(shop.stockEventsOf(tea, order)).containsExactly("StockReserved");
          assertThat(Shop.account(provider, order).get("authorizations").asInt()).isEqualTo(1);
        }
        for (String order : declined) {
          shop.awaitUndone(order, "payment_declined", "DECLINED");
          assertThat(shop.awaitEvents("orders", order, 2))
              .containsExactly("OrderPlaced", "OrderCancelled");
          assertThat(shop.awaitEvents("payments", order, 2))
              .containsExactly("AuthorizationRequested", "PaymentDeclined");
          assertThat(shop.stockEventsOf(tea, order))
              .containsExactly("StockReserved", "StockReleased");
        }
        shop.awaitStock(tea, 100 - 2 * confirmed.size(), 2 * confirmed.size());
        second.terminate(Duration.ofSeconds(60));
      }
    }
  }
}
