package io.cairn.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.avro.carts.CartEvent;
import io.cairn.avro.carts.ItemAdded;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What data teams rely on: Cairn's records on a real topic, read by clients configured only with
 * Confluent's keys, and by a consumer written from the published wire-format description alone.
 */
@WithRealKafka
class WireFormatContractTest {
  private static EmbeddedSchemaRegistry registry;

  @BeforeAll
  static void start(KafkaTestCluster kafka) {
    registry = RegistryFixture.onFreshLog(kafka).start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void shouldBeReadableByAConsumerWrittenFromTheWireFormatDescriptionAlone(KafkaTestCluster kafka)
      throws Exception {
    String topic = createTopic(kafka, "contract.carts.events");
    CartEvent event = SampleRecords.cartEvent();
    produce(kafka, topic, event);

    byte[] value =
        consumeOne(
            kafka, topic, "org.apache.kafka.common.serialization.ByteArrayDeserializer", Map.of());

    // Byte 0 is the magic byte 0, bytes 1-4 the schema id, big-endian; then Avro binary.
    ByteBuffer buffer = ByteBuffer.wrap(value);
    assertThat(buffer.get()).isZero();
    int schemaId = buffer.getInt();
    String answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(registry.uri() + "/schemas/ids/" + schemaId))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Schema writer =
        new Schema.Parser().parse(new ObjectMapper().readTree(answer).get("schema").asText());
    GenericRecord decoded =
        new GenericDatumReader<GenericRecord>(writer)
            .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));

    assertThat(decoded.get("eventId")).hasToString(event.getEventId());
    assertThat(decoded.get("aggregateVersion")).isEqualTo(event.getAggregateVersion());
    assertThat(decoded.get("occurredAt")).isEqualTo(event.getOccurredAt().toEpochMilli());
    GenericRecord payload = (GenericRecord) decoded.get("payload");
    assertThat(payload.getSchema().getFullName()).isEqualTo("io.cairn.avro.carts.ItemAdded");
    assertThat(payload.get("productId"))
        .hasToString(((ItemAdded) event.getPayload()).getProductId());
  }

  @Test
  void shouldWorkWithClientsConfiguredByConfluentKeysAlone(KafkaTestCluster kafka) {
    String topic = createTopic(kafka, "configured.carts.events");
    CartEvent event = SampleRecords.cartEvent();
    produce(kafka, topic, event);

    Object read =
        consumeOne(
            kafka,
            topic,
            "io.cairn.avro.serde.KafkaAvroDeserializer",
            Map.of("specific.avro.reader", "true"));

    assertThat(read).isEqualTo(event);
  }

  private static void produce(KafkaTestCluster kafka, String topic, Object value) {
    Map<String, Object> config = new HashMap<>(kafka.clientProperties());
    config.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    config.put("value.serializer", "io.cairn.avro.serde.KafkaAvroSerializer");
    config.put("schema.registry.url", registry.uri().toString());
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<>(topic, "cart-1", value)).get();
    } catch (Exception e) {
      throw new AssertionError("cannot produce to " + topic, e);
    }
  }

  @SuppressWarnings("unchecked") // the value type is whatever the configured deserializer returns
  private static <T> T consumeOne(
      KafkaTestCluster kafka, String topic, String deserializer, Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(kafka.clientProperties());
    config.putAll(extra);
    config.put("group.id", kafka.uniqueName("contract"));
    config.put("auto.offset.reset", "earliest");
    config.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    config.put("value.deserializer", deserializer);
    config.put("schema.registry.url", registry.uri().toString());
    List<Object> values = new ArrayList<>();
    try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, Object> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  values.add(record.value());
                }
                return !values.isEmpty();
              });
    }
    return (T) values.getFirst();
  }

  private static String createTopic(KafkaTestCluster kafka, String prefix) {
    String topic = kafka.uniqueName(prefix);
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get();
    } catch (Exception e) {
      throw new AssertionError("cannot create " + topic, e);
    }
    return topic;
  }
}
