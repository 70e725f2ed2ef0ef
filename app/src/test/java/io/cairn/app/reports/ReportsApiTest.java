package io.cairn.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.app.RunningApp;
import io.cairn.app.write.CommandClient;
import io.cairn.testkit.WithRealKafka;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reports on the real broker, through HTTP only: orders placed and cancelled show in the
 * current hour's windows of the sales and the funnel, net of the cancellation.
 */
@WithRealKafka
class ReportsApiTest {
  @RegisterExtension static final RunningApp app = new RunningApp();

  @Test
  void ordersShowInTheSalesOfTheirProductNetOfCancellations() {
    CommandClient client = app.client();
    String tea = "tea-" + UUID.randomUUID();
    for (int i = 1; i <= 3; i++) {
      String order = tea + "-o" + i;
      CommandClient.Answer placed =
          client.send(
              "orders",
              order,
              "PlaceOrder",
              "{\"customerId\":\"ann\",\"currency\":\"EUR\",\"lines\":[{\"productId\":\"%s\",\"quantity\":%d,\"unitPriceMinor\":450}]}"
                  .formatted(tea, i));
      assertThat(placed.status()).as(placed.body()).isEqualTo(200);
    }
    assertThat(
            client
                .send("orders", tea + "-o2", "CancelOrder", "{\"reason\":\"changed_mind\"}")
                .status())
        .isEqualTo(200);

    JsonNode sales =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> client.get("/api/v1/reports/sales-by-product?key=" + tea).json(),
                page ->
                    page.get("items").size() > 0
                        && page.at("/items/0/orders").asLong() == 2
                        && page.at("/items/0/unitsSold").asLong() == 4);
    assertThat(sales.at("/items/0/revenueMinor").asLong()).isEqualTo(1800);
    assertThat(sales.at("/items/0/currency").asText()).isEqualTo("EUR");
    // Other tests' orders on the shared broker count too: this one's cancellation is among them.
    JsonNode funnel = client.get("/api/v1/reports/order-funnel").json();
    assertThat(funnel.get("items").findValues("cancelledByReason"))
        .anySatisfy(reasons -> assertThat(reasons.path("changed_mind").asLong()).isPositive());
  }
}
