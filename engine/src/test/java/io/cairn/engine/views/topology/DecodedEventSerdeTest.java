package io.cairn.engine.views.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.commerce.Commerce;
import io.cairn.commerce.orders.Orders;
import io.cairn.engine.views.stores.DecodedEvent;
import io.cairn.engine.views.stores.Provenance;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/**
 * The views' repartition form of a folded event, with the commerce domain's types: what is written
 * is read back whole, and records an earlier Cairn wrote, with instants as ISO text and no
 * provenance, still load.
 */
class DecodedEventSerdeTest {
  private static final Instant PLACED = Instant.parse("2026-11-23T10:00:00.123Z");
  private final Serde<DecodedEvent> serde =
      new DecodedEventSerde(Commerce.aggregateTypes()).serde();

  @Test
  void shouldReadBackTheEventItWrote() {
    DecodedEvent event = placed();

    byte[] bytes = serde.serializer().serialize("t", event);

    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(event);
  }

  @Test
  void shouldReadAnEventWrittenWithInstantsAsTextAndNoProvenance() {
    String earlier =
        """
        {"type":"orders","aggregateId":"o1","version":1,"occurredAt":"2026-11-23T10:00:00.123Z",
         "name":"OrderConfirmed","event":{},"payloadJson":"{}",
         "createdAt":"2026-11-23T10:00:00.123Z",
         "state":{"status":"CONFIRMED","customerId":"cu1","currency":"EUR","lines":[],
                  "totalMinor":0,"cancelReason":null}}
        """;

    DecodedEvent event =
        serde.deserializer().deserialize("t", earlier.getBytes(StandardCharsets.UTF_8));

    assertThat(event.occurredAt()).isEqualTo(PLACED);
    assertThat(event.createdAt()).isEqualTo(PLACED);
    assertThat(event.event()).isEqualTo(new Orders.OrderConfirmed());
    assertThat(event.provenance()).isEqualTo(new Provenance(null, null, null));
    assertThat(event.state()).extracting("status").isEqualTo(Orders.OrderStatus.CONFIRMED);
  }

  @Test
  void shouldRejectAnEventBeforeItsTypeAndName() {
    byte[] bytes = "{\"event\":{}}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
        .isInstanceOf(SerializationException.class);
  }

  private static DecodedEvent placed() {
    Orders.OrderPlaced placed =
        new Orders.OrderPlaced("cu1", "EUR", List.of(new Orders.OrderLine("p1", 2, 450)), 900);
    Orders.OrderState state =
        new Orders.OrderState(
            Orders.OrderStatus.PLACED,
            "cu1",
            "EUR",
            List.of(new Orders.OrderLine("p1", 2, 450)),
            900,
            null);
    return new DecodedEvent(
        "orders",
        "o1",
        1,
        PLACED,
        new Provenance("corr-1", "cmd-1", "alice"),
        "OrderPlaced",
        placed,
        "{\"customerId\":\"cu1\"}",
        PLACED,
        state);
  }
}
