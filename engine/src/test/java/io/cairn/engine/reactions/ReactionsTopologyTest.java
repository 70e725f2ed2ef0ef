package io.cairn.engine.reactions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.avro.customers.CustomerEvent;
import io.cairn.avro.customers.PointsAwarded;
import io.cairn.avro.customers.RegisterCustomer;
import io.cairn.avro.orders.ConfirmOrder;
import io.cairn.avro.orders.OrderCancelled;
import io.cairn.avro.orders.OrderEvent;
import io.cairn.avro.orders.PlaceOrder;
import io.cairn.avro.orders.PlaceOrderLine;
import io.cairn.avro.orders.ShipOrder;
import io.cairn.commerce.Commerce;
import io.cairn.commerce.customers.Loyalty;
import io.cairn.commerce.orders.OrderPublication;
import io.cairn.commerce.orders.ShippingDeadline;
import io.cairn.core.reaction.ProcessStatus;
import io.cairn.engine.testing.TopologyDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policies and process managers, end to end through the command processors' topology under
 * TopologyTestDriver: the commands they send are processed like any other, carry their cause, and a
 * deadline fires once.
 */
class ReactionsTopologyTest {
  private static final Duration SHIP_WITHIN = Duration.ofDays(3);

  @TempDir Path stateDir;
  private TopologyDriver driver;

  @BeforeEach
  void start() {
    driver =
        new TopologyDriver(
            Commerce.aggregateTypes(),
            List.of(),
            new Reactions.Declared(
                List.of(Loyalty.POLICY),
                List.of(ShippingDeadline.manager(SHIP_WITHIN)),
                List.of(),
                List.of(OrderPublication.PUBLICATION),
                List.of()),
            stateDir);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aShippedOrderAwardsItsCustomerPointsCausedByTheShippedEvent() {
    driver.send("customers", "c1", new RegisterCustomer("Ada", "ada@example.com"));
    placeAndConfirm("o1", 2_550);
    driver.send("orders", "o1", new ShipOrder());

    List<SpecificRecord> orderEvents = driver.events("orders").readValuesToList();
    OrderEvent shipped = (OrderEvent) orderEvents.getLast();
    List<SpecificRecord> customerEvents = driver.events("customers").readValuesToList();
    CustomerEvent awarded = (CustomerEvent) customerEvents.getLast();
    assertThat(awarded.getPayload()).isEqualTo(new PointsAwarded(25L, "order:o1"));
    assertThat(awarded.getCausationId()).isEqualTo(shipped.getEventId());
    assertThat(awarded.getCorrelationId()).isEqualTo(shipped.getCorrelationId());
    assertThat(awarded.getActor()).isEqualTo("policy:loyalty");
    String key = "policy:loyalty:" + shipped.getEventId() + ":0";
    assertThat(awarded.getCommandId())
        .isEqualTo(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString());
  }

  @Test
  void aConfirmedOrderIsWatchedAndCancelledOnceItsDeadlinePasses() {
    placeAndConfirm("o2", 1_000);
    ProcessInstance watching = process("o2");
    assertThat(watching.status()).isEqualTo(ProcessStatus.RUNNING);
    assertThat(watching.deadlines()).containsOnlyKeys(ShippingDeadline.SHIP_BY);
    driver.events("orders").readValuesToList();

    driver.advance(SHIP_WITHIN.plusSeconds(1));
    driver.advance(Duration.ofSeconds(1));

    List<SpecificRecord> after = driver.events("orders").readValuesToList();
    assertThat(after)
        .extracting(e -> ((OrderEvent) e).getPayload())
        .containsExactly(new OrderCancelled(ShippingDeadline.NOT_SHIPPED));
    OrderEvent cancelled = (OrderEvent) after.getFirst();
    assertThat(cancelled.getActor()).isEqualTo("process:shipping-deadline");
    assertThat(cancelled.getCausationId()).startsWith("deadline:o2:ship-by@");
    ProcessInstance ended = process("o2");
    assertThat(ended.status()).isEqualTo(ProcessStatus.COMPENSATED);
    assertThat(ended.deadlines()).isEmpty();
    assertThat(ended.steps())
        .extracting(ProcessTrace::heard)
        .containsExactly(
            "message:Confirmed", "deadline:ship-by", "message:Cancelled", "accepted:CancelOrder");

    driver.advance(SHIP_WITHIN.multipliedBy(2));
    assertThat(driver.events("orders").readValuesToList()).isEmpty();
  }

  @Test
  void anOrderShippedInTimeEndsItsWatchAndItsDeadline() {
    placeAndConfirm("o3", 1_000);
    driver.send("orders", "o3", new ShipOrder());
    assertThat(process("o3").status()).isEqualTo(ProcessStatus.COMPLETED);
    KeyValueStore<String, DeadlineKey> deadlines =
        driver.store(ProcessStores.of(ShippingDeadline.NAME).deadlines());
    try (var all = deadlines.all()) {
      assertThat(all.hasNext()).isFalse();
    }
    driver.events("orders").readValuesToList();
    driver.advance(SHIP_WITHIN.plusDays(1));
    assertThat(driver.events("orders").readValuesToList()).isEmpty();
  }

  @Test
  void anOrdersStatusChangesArePublishedAsCloudEventsInTheirTransaction() throws Exception {
    placeAndConfirm("o5", 700);
    List<TestRecord<String, String>> published =
        driver.text("cairn.integration.orders").readRecordsToList();
    assertThat(published).hasSize(2);
    var confirmed = new ObjectMapper().readTree(published.get(1).value());
    assertThat(published.get(1).key()).isEqualTo("o5");
    assertThat(confirmed.get("specversion").asText()).isEqualTo("1.0");
    assertThat(confirmed.get("type").asText()).isEqualTo(OrderPublication.CONFIRMED);
    assertThat(confirmed.get("source").asText()).isEqualTo("/cairn/orders");
    assertThat(confirmed.get("subject").asText()).isEqualTo("o5");
    assertThat(confirmed.at("/data/status").asText()).isEqualTo("CONFIRMED");
    assertThat(confirmed.at("/data/totalMinor").asLong()).isEqualTo(700);
    OrderEvent confirmedEvent = (OrderEvent) driver.events("orders").readValuesToList().getLast();
    assertThat(confirmed.get("time").asText()).isEqualTo(confirmedEvent.getOccurredAt().toString());
    assertThat(confirmed.get("causationid").asText()).isEqualTo(confirmedEvent.getEventId());
    assertThat(new String(published.get(1).headers().lastHeader("content-type").value()))
        .startsWith("application/cloudevents+json");
  }

  @Test
  void anOrderPlacedButNeverConfirmedStartsNoProcess() {
    driver.send(
        "orders", "o4", new PlaceOrder("c1", "EUR", List.of(new PlaceOrderLine("p1", 1, 100L))));
    assertThat(process("o4")).isNull();
  }

  private void placeAndConfirm(String orderId, long priceMinor) {
    driver.send(
        "orders",
        orderId,
        new PlaceOrder("c1", "EUR", List.of(new PlaceOrderLine("p1", 1, priceMinor))));
    driver.send("orders", orderId, new ConfirmOrder());
  }

  private ProcessInstance process(String id) {
    return driver.store(ProcessStores.of(ShippingDeadline.NAME).instances()).get(id);
  }
}
