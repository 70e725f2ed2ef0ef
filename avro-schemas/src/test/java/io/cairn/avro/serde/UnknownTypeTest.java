package io.cairn.avro.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.avro.carts.CartEvent;
import io.cairn.avro.carts.ItemAdded;
import io.cairn.avro.products.ProductDefined;
import io.cairn.avro.products.ProductEvent;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.testing.InMemoryRegistry;
import io.cairn.avro.testing.NewerEnvelope;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Records written by newer code with a type appended to the envelope's payload union: this build
 * reads those of the types it knows, and names the type of those it does not.
 */
class UnknownTypeTest {
  private static final String TOPIC = "cairn.carts.events";
  private final SchemaRegistryClient registry = InMemoryRegistry.client();
  private final NewerEnvelope newer = NewerEnvelope.of(CartEvent.getClassSchema(), "ItemGifted");
  private final GenericAvroSerde newerWriter = new GenericAvroSerde(registry, true, false);
  private final SpecificAvroSerde<SpecificRecord> reader =
      new SpecificAvroSerde<>(registry, false, false);

  @Test
  void shouldReadARecordOfAKnownTypeWrittenWithTheNewerSchema() {
    byte[] bytes = newerWriter.serializer().serialize(TOPIC, newer.holding(added()));

    assertThat(reader.deserializer().deserialize(TOPIC, bytes)).isEqualTo(added());
  }

  @Test
  void shouldNameTheTypeItDoesNotKnow() {
    byte[] bytes = newerWriter.serializer().serialize(TOPIC, newer.carrying(added(), "a gift"));

    assertThatThrownBy(() -> reader.deserializer().deserialize(TOPIC, bytes))
        .isInstanceOfSatisfying(
            UnknownTypeException.class,
            e -> {
              assertThat(e.typeName()).isEqualTo("io.cairn.avro.carts.ItemGifted");
              assertThat(e.simpleTypeName()).isEqualTo("ItemGifted");
              assertThat(e.topic()).isEqualTo(TOPIC);
            })
        .hasMessageContaining("written by newer code");
  }

  @Test
  void shouldNotReadAnUnknownTypeAsAKnownOneItsFieldsFit() {
    // ProductDiscontinued has no fields, so Avro's own resolution would take any record for it.
    NewerEnvelope products = NewerEnvelope.of(ProductEvent.getClassSchema(), "ProductPhotographed");
    ProductEvent defined =
        new ProductEvent(
            "e1",
            "p1",
            1L,
            Instant.EPOCH,
            "c1",
            "c1",
            "c1",
            null,
            new ProductDefined("Tea", "drinks", 450L, "EUR"));
    byte[] bytes =
        newerWriter
            .serializer()
            .serialize("cairn.products.events", products.carrying(defined, "x"));

    assertThatThrownBy(() -> reader.deserializer().deserialize("cairn.products.events", bytes))
        .isInstanceOf(UnknownTypeException.class)
        .hasMessageContaining("io.cairn.avro.products.ProductPhotographed");
  }

  @Test
  void shouldStillCallACorruptBodyCorrupt() {
    byte[] bytes = newerWriter.serializer().serialize(TOPIC, newer.carrying(added(), "a gift"));
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 4);

    assertThatThrownBy(() -> reader.deserializer().deserialize(TOPIC, truncated))
        .isNotInstanceOf(UnknownTypeException.class)
        .hasMessageContaining("corrupt or truncated");
  }

  private static CartEvent added() {
    return new CartEvent(
        "e1", "cart-1", 1L, Instant.EPOCH, "c1", "c1", "c1", null, new ItemAdded("p1", 2));
  }
}
