package io.cairn.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.avro.carts.CartEvent;
import io.cairn.avro.carts.CartSnapshot;
import io.cairn.avro.customers.CustomerSnapshot;
import io.cairn.avro.inventory.InventorySnapshot;
import io.cairn.avro.orders.OrderSnapshot;
import io.cairn.avro.payments.PaymentSnapshot;
import io.cairn.avro.products.ProductSnapshot;
import io.cairn.avro.registry.RegistryClientConfig;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.replies.CommandReply;
import io.cairn.avro.serde.AvroSerdeConfig;
import io.cairn.avro.serde.GenericAvroSerde;
import io.cairn.avro.serde.KafkaAvroDeserializer;
import io.cairn.avro.serde.KafkaAvroSerializer;
import io.cairn.avro.serde.SpecificAvroSerde;
import io.cairn.avro.serde.WireFormat;
import io.cairn.avro.subscriptions.SubscriptionSnapshot;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every command and event through the wire-format serde, against the embedded registry. */
@WithRealKafka
class SerdeTest {
  private static RegistryFixture fixture;
  private static EmbeddedSchemaRegistry registry;
  private static SchemaRegistryClient client;

  @BeforeAll
  static void start(KafkaTestCluster kafka) {
    fixture = RegistryFixture.onFreshLog(kafka);
    registry = fixture.start();
    client = new SchemaRegistryClient(RegistryClientConfig.of(registry.uri()));
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void shouldRoundTripEveryEventAndCommandOfEveryAggregate() {
    SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>(client, true, false);
    int count = 0;
    for (SampleRecords.Envelope envelope : SampleRecords.ENVELOPES) {
      for (SpecificRecord record : envelope.everyPayload()) {
        byte[] bytes = serde.serializer().serialize(envelope.topic(), record);

        assertThat(serde.deserializer().deserialize(envelope.topic(), bytes)).isEqualTo(record);
        count++;
      }
    }
    assertThat(count).isEqualTo(89);
    assertThat(RegistryFixture.get(registry, "/subjects").json().toString())
        .contains("cairn.carts.events-value", "cairn.orders.commands-value");
  }

  @Test
  void shouldRoundTripEverySnapshotAndTheReplyWithTheirEnums() {
    SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>(client, true, false);
    List<Schema> schemas =
        List.of(
            ProductSnapshot.getClassSchema(),
            InventorySnapshot.getClassSchema(),
            CartSnapshot.getClassSchema(),
            CustomerSnapshot.getClassSchema(),
            OrderSnapshot.getClassSchema(),
            PaymentSnapshot.getClassSchema(),
            SubscriptionSnapshot.getClassSchema(),
            CommandReply.getClassSchema());
    for (Schema schema : schemas) {
      SpecificRecord record = SampleRecords.sample(schema);
      byte[] bytes = serde.serializer().serialize("samples." + schema.getName(), record);

      assertThat(serde.deserializer().deserialize("samples." + schema.getName(), bytes))
          .isEqualTo(record);
    }
  }

  @Test
  void shouldReadRecordsWrittenWithEveryReleasedSchemaIntoTheCurrentClasses() throws Exception {
    GenericAvroSerde writer = new GenericAvroSerde(client, true, false);
    SpecificAvroSerde<SpecificRecord> reader = new SpecificAvroSerde<>(client, false, false);
    int count = 0;
    for (SampleRecords.Envelope envelope : SampleRecords.ENVELOPES) {
      for (Schema released : released(envelope.topic())) {
        for (SpecificRecord current : envelope.everyPayload()) {
          if (!holds(released, current)) {
            continue;
          }
          GenericRecord old = Evolution.convert(current, released);
          byte[] bytes = writer.serializer().serialize("released-" + envelope.topic(), old);

          assertThat(reader.deserializer().deserialize("released-" + envelope.topic(), bytes))
              .isEqualTo(asWrittenBy(released, current));
          count++;
        }
      }
    }
    // v1 of every subject holds the 38 types it was released with, v2 the 40 there were then; v3
    // of the carts', products', orders' and customers' envelopes holds their 38 now, and v1 of the
    // payments' its 18; v4 of the customers' holds their 18 now; v1 of the subscriptions' its 15.
    assertThat(count).isEqualTo(167);
  }

  @Test
  void shouldLetCurrentCodeReadNewerRecordsAndNewerCodeReadCurrentOnes() {
    CartEvent current = SampleRecords.cartEvent();
    Schema newer = Evolution.withOptionalField(CartEvent.getClassSchema(), "channel");
    SpecificAvroSerde<CartEvent> specific = new SpecificAvroSerde<>(client, true, false);
    GenericAvroSerde generic = new GenericAvroSerde(client, true, false);

    GenericRecord newerRecord = Evolution.convert(current, newer);
    newerRecord.put("channel", "mobile");
    byte[] newerBytes = generic.serializer().serialize("evolution.carts.events", newerRecord);
    assertThat(specific.deserializer().deserialize("evolution.carts.events", newerBytes))
        .isEqualTo(current);

    byte[] currentBytes = specific.serializer().serialize("evolution.carts.events", current);
    GenericRecord readByNewer = Evolution.readAs(client, currentBytes, newer);
    assertThat(readByNewer.get("channel")).isNull();
    assertThat(readByNewer.get("aggregateId")).hasToString(current.getAggregateId());
  }

  @Test
  void shouldExplainEveryMalformedInput() {
    KafkaAvroDeserializer deserializer =
        new KafkaAvroDeserializer(client, new AvroSerdeConfig(true, false, true));
    byte[] valid =
        new SpecificAvroSerde<CartEvent>(client, true, false)
            .serializer()
            .serialize("malformed.carts.events", SampleRecords.cartEvent());

    assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {1, 0, 0, 0, 1, 2}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown magic byte 0x01");
    assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 0}))
        .hasMessageContaining("truncated record from topic t: 3 bytes");
    assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0x7f, -1, -1, -16, 2}))
        .hasMessageContaining("unknown schema id 2147483632");
    assertThatThrownBy(() -> deserializer.deserialize("t", Arrays.copyOf(valid, valid.length - 4)))
        .hasMessageContaining("corrupt or truncated Avro body");
    assertThatThrownBy(() -> deserializer.deserialize("t", Arrays.copyOf(valid, valid.length + 3)))
        .hasMessageContaining("bytes are left over after the record");
  }

  @Test
  void shouldRefuseToResolveAnIncompatibleWriterSchema() {
    Schema alien =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"CartEvent\",\"namespace\":\"io.cairn.avro.carts\","
                    + "\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
    GenericRecord record = new GenericData.Record(alien);
    record.put("x", 7);
    byte[] bytes =
        new GenericAvroSerde(client, true, false).serializer().serialize("alien", record);

    assertThatThrownBy(
            () ->
                new SpecificAvroSerde<CartEvent>(client, true, false)
                    .deserializer()
                    .deserialize("alien", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot be resolved against the reader's schema");
  }

  @Test
  void shouldRefuseWhatIsNotAnAvroRecord() {
    assertThatThrownBy(
            () ->
                new KafkaAvroSerializer(client, new AvroSerdeConfig(true, false, false), false)
                    .serialize("t", "plain text"))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not java.lang.String");
  }

  @Test
  void shouldNotRegisterWhenAutoRegistrationIsOff() {
    KafkaAvroSerializer serializer =
        new KafkaAvroSerializer(client, new AvroSerdeConfig(false, false, false), false);

    assertThatThrownBy(() -> serializer.serialize("never-registered", SampleRecords.cartEvent()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("never-registered-value")
        .hasMessageContaining("40401");
  }

  @Test
  void shouldWriteWithTheLatestVersionOnlyWhenItIsTheRecordsSchema() {
    CartEvent event = SampleRecords.cartEvent();
    int id = client.register("latest.carts.events-value", CartEvent.getClassSchema());
    KafkaAvroSerializer latest =
        new KafkaAvroSerializer(client, new AvroSerdeConfig(false, true, false), false);

    byte[] bytes = latest.serialize("latest.carts.events", event);
    assertThat(WireFormat.header("latest.carts.events", bytes).schemaId()).isEqualTo(id);

    client.register(
        "latest.carts.events-value",
        Evolution.withOptionalField(CartEvent.getClassSchema(), "channel"));
    assertThatThrownBy(() -> latest.serialize("latest.carts.events", event))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(
            "use.latest.version is on, but the latest version of latest.carts.events-value");
  }

  @Test
  void shouldFetchEachSchemaOnceAndThenNeedNoRegistry() {
    EmbeddedSchemaRegistry own = fixture.start();
    URI ownUri = own.uri();
    SchemaRegistryClient ownClient = new SchemaRegistryClient(RegistryClientConfig.of(ownUri));
    SpecificAvroSerde<CartEvent> serde = new SpecificAvroSerde<>(ownClient, true, false);
    byte[] bytes = serde.serializer().serialize("cache.carts.events", SampleRecords.cartEvent());
    serde.deserializer().deserialize("cache.carts.events", bytes);

    own.close();

    assertThat(serde.deserializer().deserialize("cache.carts.events", bytes))
        .isEqualTo(SampleRecords.cartEvent());
    SpecificAvroSerde<CartEvent> uncached =
        new SpecificAvroSerde<>(
            new SchemaRegistryClient(RegistryClientConfig.of(ownUri)), true, false);
    assertThatThrownBy(() -> uncached.deserializer().deserialize("cache.carts.events", bytes))
        .hasMessageContaining("cannot reach the schema registry");
  }

  /** Every released version of a topic's value subject, oldest first. */
  private static List<Schema> released(String topic) throws IOException {
    Path subject = Path.of("../avro-schemas/src/main/avro/released", topic + "-value");
    List<Schema> versions = new ArrayList<>();
    for (int version = 1; Files.exists(subject.resolve("v" + version + ".avsc")); version++) {
      versions.add(new Schema.Parser().parse(subject.resolve("v" + version + ".avsc").toFile()));
    }
    assertThat(versions).as(subject.toString()).isNotEmpty();
    return versions;
  }

  /** Whether a released envelope's payload union has the record's payload type. */
  private static boolean holds(Schema released, SpecificRecord envelope) {
    Schema payload =
        ((SpecificRecord) envelope.get(envelope.getSchema().getField("payload").pos())).getSchema();
    return released.getField("payload").schema().getTypes().stream()
        .anyMatch(branch -> branch.getFullName().equals(payload.getFullName()));
  }

  /**
   * The record as it reads when a released version wrote it: what that version lacks is default.
   */
  private static SpecificRecord asWrittenBy(Schema released, SpecificRecord current) {
    SpecificRecord expected = SpecificData.get().deepCopy(current.getSchema(), current);
    defaultWhatItLacks(released, expected);
    int payload = current.getSchema().getField("payload").pos();
    SpecificRecord body = (SpecificRecord) expected.get(payload);
    released.getField("payload").schema().getTypes().stream()
        .filter(branch -> branch.getFullName().equals(body.getSchema().getFullName()))
        .findFirst()
        .ifPresent(branch -> defaultWhatItLacks(branch, body));
    return expected;
  }

  /** Sets each field of the record that the released schema lacks to its default. */
  private static void defaultWhatItLacks(Schema released, SpecificRecord record) {
    for (Schema.Field field : record.getSchema().getFields()) {
      if (released.getField(field.name()) == null) {
        record.put(field.pos(), SpecificData.get().getDefaultValue(field));
      }
    }
  }
}
