package io.cairn.app.reactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app is killed with SIGKILL while orders ship, each shipment making the loyalty policy award
 * points. After a restart, and the unanswered shipments sent again, every shipped order has awarded
 * its points exactly once.
 */
@WithRealKafka
class PolicyCrashTest {
  private static final int CUSTOMERS = 4;
  private static final int ORDERS_EACH = 10;
  private static final String ORDER =
      "{\"customerId\":\"%s\",\"currency\":\"EUR\",\"lines\":[{\"productId\":\"p-1\","
          + "\"quantity\":2,\"unitPriceMinor\":5000}]}";

  @TempDir Path dir;

  @Test
  void everyShippedOrderAwardsItsPointsOnceAcrossASigkill(KafkaTestCluster kafka) throws Exception {
    AppProcess app = AppProcess.on(kafka, dir);
    String prefix = "loyal-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    URI api = app.api();
    CommandClient client = new CommandClient(api);
    Map<String, String> customerOf = new ConcurrentHashMap<>();
    Set<String> shipped = ConcurrentHashMap.newKeySet();

    try (JavaProcess first = app.start("first")) {
      ReadinessWait.awaitReady(api, Duration.ofSeconds(90));
      for (int c = 0; c < CUSTOMERS; c++) {
        String customer = prefix + "c" + c;
        ok(
            client.send(
                "customers", customer, "RegisterCustomer", "{\"name\":\"C\",\"email\":\"c@d.e\"}"));
        for (int o = 0; o < ORDERS_EACH; o++) {
          String order = prefix + "o" + c + "-" + o;
          ok(client.send("orders", order, "PlaceOrder", ORDER.formatted(customer)));
          ok(client.send("orders", order, "ConfirmOrder", "{}"));
          customerOf.put(order, customer);
        }
      }
      try (ExecutorService shippers = Executors.newFixedThreadPool(4)) {
        for (String order : customerOf.keySet()) {
          shippers.submit(() -> ship(client, order, shipped));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> shipped.size() >= customerOf.size() / 3);
        first.kill(Duration.ofSeconds(30));
        shippers.shutdown();
        assertThat(shippers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      }
    }
    assertThat(shipped.size()).isLessThan(customerOf.size());

    try (JavaProcess second = app.start("second")) {
      ReadinessWait.awaitReady(api, Duration.ofSeconds(90));
      for (String order : customerOf.keySet()) {
        await().atMost(Duration.ofSeconds(60)).until(() -> ship(client, order, shipped));
      }
      for (int c = 0; c < CUSTOMERS; c++) {
        String customer = prefix + "c" + c;
        Set<String> orders =
            customerOf.entrySet().stream()
                .filter(e -> e.getValue().equals(customer))
                .map(e -> "order:" + e.getKey())
                .collect(Collectors.toSet());
        List<String> awarded = awardedReasons(client, customer, orders.size());
        assertThat(awarded).as(customer).containsExactlyInAnyOrderElementsOf(orders);
      }
      second.terminate(Duration.ofSeconds(60));
    }
  }

  /** Ships an order, with its order id as Idempotency-Key; whether it is known shipped. */
  private static boolean ship(CommandClient client, String order, Set<String> shipped) {
    try {
      CommandClient.Answer answer =
          client
              .sendAsync(
                  "orders",
                  order,
                  "{\"type\":\"ShipOrder\",\"payload\":{}}",
                  Map.of("Idempotency-Key", "ship-" + order))
              .get(15, TimeUnit.SECONDS);
      if (answer.status() == 200) {
        shipped.add(order);
        return true;
      }
    } catch (Exception e) {
      // The app died under this request: its outcome is unknown until it is sent again.
    }
    return false;
  }

  /** The reasons of a customer's PointsAwarded events, once it has at least the expected number. */
  private static List<String> awardedReasons(CommandClient client, String customer, int expected) {
    JsonNode events =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> client.get("/api/v1/customers/" + customer + "/events?limit=1000"),
                answer -> answer.status() == 200 && awarded(answer.json()).size() >= expected)
            .json();
    return awarded(events);
  }

  private static List<String> awarded(JsonNode events) {
    List<String> reasons = new ArrayList<>();
    for (JsonNode event : events.get("items")) {
      if (event.get("type").asText().equals("PointsAwarded")) {
        assertThat(event.at("/payload/points").asLong()).isEqualTo(100);
        reasons.add(event.at("/payload/reason").asText());
      }
    }
    return reasons;
  }

  private static void ok(CommandClient.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }
}
