package io.cairn.app.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.app.CairnApp;
import io.cairn.app.InProcessApp;
import io.cairn.app.write.CommandClient;
import io.cairn.provider.SimulatedPaymentProvider;
import io.cairn.testkit.FreePorts;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A payment provider that cannot be reached: the call is retried until the runner gives up, kept in
 * the dead-letter queue with reason {@code gave_up}, and made again, once, when the entry is
 * retried with the provider back.
 */
@WithRealKafka
class ProviderOutageTest {
  @TempDir Path stateDir;

  @Test
  void aCallGivenUpIsDeadLetteredAndMadeOnceWhenRetried(KafkaTestCluster kafka) {
    int port = FreePorts.any();
    try (CairnApp app =
        InProcessApp.start(
            kafka,
            stateDir,
            List.of(
                "--payments.provider.url=http://127.0.0.1:" + port,
                "--payments.provider.give.up=PT2S",
                "--checkout.payment.timeout=PT2M"))) {
      Shop shop = new Shop(new CommandClient(app.httpUri()));
      String tea = shop.product(450, "EUR", 5);
      String order = shop.checkOut(null, new Shop.Line(tea, 1));

      JsonNode entry = shop.client().awaitDeadLetter(order);
      assertThat(entry.get("reason").asText()).isEqualTo("gave_up");
      assertThat(entry.get("topic").asText()).isEqualTo("cairn-effects-payment-provider");
      assertThat(entry.get("retryable").asBoolean()).isTrue();

      try (SimulatedPaymentProvider provider =
          SimulatedPaymentProvider.start("127.0.0.1", port, 1_000_000)) {
        assertThat(
                shop.client().post("/api/v1/dlq/" + entry.get("id").asText() + "/retry").status())
            .isEqualTo(202);
        shop.awaitOrder(order, "CONFIRMED", "AUTHORIZED");
        assertThat(shop.awaitEvents("payments", order, 2))
            .containsExactly("AuthorizationRequested", "PaymentAuthorized");
        assertThat(Shop.account(provider, order).get("authorizations").asInt()).isEqualTo(1);
      }
    }
  }
}
