package io.cairn.app.reports;

import io.cairn.avro.contract.Contract;
import io.cairn.avro.registry.RegistryClientConfig;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.serde.SpecificAvroSerde;
import io.cairn.testkit.KafkaTestCluster;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Appends to the event log what a day of commands would have made, each event at the time the
 * script says: the contract's envelopes in Confluent's wire format, each aggregate's versions
 * gapless from 1, as another producer of the contract writes them. Commands cannot be sent in the
 * past, and reports are cut by the events' own time, so this is how a test lives through a day.
 */
final class DayScript implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;
  private final SpecificAvroSerde<SpecificRecord> serde;
  private final Contract contract = Contract.load();
  private final Map<String, Long> versions = new HashMap<>();

  DayScript(KafkaTestCluster kafka, URI registry) {
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
    this.serde =
        new SpecificAvroSerde<>(
            new SchemaRegistryClient(RegistryClientConfig.of(registry)), false, false);
  }

  /** Appends one event of an aggregate, as of an instant. */
  void append(String type, String id, Instant at, SpecificRecord payload) {
    long version = versions.merge(type + "/" + id, 1L, Long::sum);
    SpecificRecordBase envelope =
        (SpecificRecordBase) SpecificData.get().newRecord(null, contract.envelopes(type).event());
    String commandId = UUID.randomUUID().toString();
    envelope.put("eventId", UUID.randomUUID().toString());
    envelope.put("aggregateId", id);
    envelope.put("aggregateVersion", version);
    envelope.put("occurredAt", at);
    envelope.put("commandId", commandId);
    envelope.put("correlationId", commandId);
    envelope.put("causationId", commandId);
    envelope.put("actor", "day-script");
    envelope.put("payload", payload);
    String topic = "cairn." + type + ".events";
    try {
      producer
          .send(new ProducerRecord<>(topic, id, serde.serializer().serialize(topic, envelope)))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while appending to " + topic, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot append to " + topic, e.getCause());
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
