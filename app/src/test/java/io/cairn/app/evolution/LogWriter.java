package io.cairn.app.evolution;

import io.cairn.app.TopicReader;
import io.cairn.avro.registry.RegistryClientConfig;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.serde.GenericAvroSerde;
import io.cairn.avro.serde.KafkaAvroDeserializer;
import io.cairn.testkit.KafkaTestCluster;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records to Cairn's topics as other code would, in another schema than this build's, and
 * reads them back as a consumer with only the registry's address does.
 *
 * <p>Each schema is registered under a subject of this test's own ({@code evolution-test.*}), not
 * the topic's: the broker and registry are shared by every test class, and the topic's subject must
 * keep following this build's schema. A reader finds a record's schema by its id alone, whatever
 * the subject.
 */
final class LogWriter {
  private final KafkaTestCluster kafka;
  private final URI registry;
  private final GenericAvroSerde serde;

  LogWriter(KafkaTestCluster kafka, URI registry) {
    this.kafka = kafka;
    this.registry = registry;
    this.serde =
        new GenericAvroSerde(
            new SchemaRegistryClient(RegistryClientConfig.of(registry)), true, false);
  }

  /** Appends an event envelope to an aggregate type's log. */
  void append(String type, String id, GenericRecord envelope) {
    produce("cairn." + type + ".events", id, envelope);
  }

  /** Sends a command envelope to an aggregate type's commands topic. */
  void send(String type, String id, GenericRecord envelope) {
    produce("cairn." + type + ".commands", id, envelope);
  }

  private void produce(String topic, String id, GenericRecord record) {
    byte[] value = serde.serializer().serialize("evolution-test." + topic, record);
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, id, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to " + topic, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot write to " + topic, e.getCause());
    }
  }

  /**
   * The records of some aggregates in an aggregate type's log, read as generic records of their
   * writers' schemas by a deserializer configured with Confluent's keys alone.
   */
  List<GenericRecord> readBack(String type, Set<String> ids) {
    KafkaAvroDeserializer values = new KafkaAvroDeserializer();
    values.configure(
        Map.of("schema.registry.url", registry.toString(), "specific.avro.reader", false), false);
    List<GenericRecord> records = new ArrayList<>();
    for (ConsumerRecord<String, Object> record :
        TopicReader.readAll(kafka, "cairn." + type + ".events", values)) {
      if (ids.contains(record.key())) {
        records.add((GenericRecord) record.value());
      }
    }
    return records;
  }
}
