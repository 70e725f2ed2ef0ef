package io.cairn.avro.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.avro.carts.CartEvent;
import io.cairn.avro.carts.ItemAdded;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.registry.SchemaRegistryException;
import io.cairn.avro.serde.SpecificAvroSerde;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The in-memory registry gives out ids and versions as a registry does, and serdes work on it. */
class InMemoryRegistryTest {
  private final SchemaRegistryClient client = InMemoryRegistry.client();

  @Test
  void shouldGiveOneSchemaOneIdAcrossSubjectsAndVersionsWithinOne() {
    int first = client.register("a-value", CartEvent.getClassSchema());
    int again = client.register("b-value", CartEvent.getClassSchema());
    int other = client.register("a-value", ItemAdded.getClassSchema());

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(client.latest("a-value").version()).isEqualTo(2);
    assertThat(client.lookup("b-value", CartEvent.getClassSchema()).version()).isEqualTo(1);
    assertThat(client.schemaById(other)).isEqualTo(ItemAdded.getClassSchema());
  }

  @Test
  void shouldRefuseWhatItDoesNotHoldWithConfluentsCodes() {
    assertThatThrownBy(() -> client.latest("nowhere-value"))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
    assertThatThrownBy(() -> client.schemaById(99))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
  }

  @Test
  void shouldCarryRecordsThroughASerdeInConfluentsWireFormat() {
    SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>(client, true, false);
    CartEvent event =
        new CartEvent(
            "e1", "cart-1", 1L, Instant.EPOCH, "c1", "c1", "c1", null, new ItemAdded("p1", 2));

    byte[] bytes = serde.serializer().serialize("cairn.carts.events", event);

    assertThat(bytes[0]).isZero();
    assertThat(serde.deserializer().deserialize("cairn.carts.events", bytes)).isEqualTo(event);
  }
}
