package io.cairn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The carts' event log as any consumer of the contract reads it: {@code cairn.carts.events} with a
 * plain consumer (committed records only), each value in Confluent's wire format decoded with the
 * writer's schema from the registry. Only the events of aggregates whose id starts with a prefix
 * are kept, per aggregate in log order.
 */
final class SoakLog {
  private static final String TOPIC = "cairn.carts.events";

  /** One event, as far as the audit needs it. */
  record Event(String commandId, long version, String productId, int quantity) {}

  private final HttpClient http;
  private final URI registry;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<Integer, GenericDatumReader<GenericRecord>> readers = new HashMap<>();
  private BinaryDecoder decoder;

  private SoakLog(HttpClient http, URI registry) {
    this.http = http;
    this.registry = registry;
  }

  /** The events of every cart whose id starts with the prefix, by cart, in log order. */
  static Map<String, List<Event>> read(
      String bootstrap, URI registry, HttpClient http, String prefix) throws Exception {
    return new SoakLog(http, registry).readAll(bootstrap, prefix);
  }

  private Map<String, List<Event>> readAll(String bootstrap, String prefix) throws Exception {
    Map<String, List<Event>> carts = new LinkedHashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5_000),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(TOPIC, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          GenericRecord event = decode(record.value());
          String cart = event.get("aggregateId").toString();
          if (cart.startsWith(prefix)) {
            carts.computeIfAbsent(cart, c -> new ArrayList<>()).add(audited(event));
          }
        }
      }
    }
    return carts;
  }

  private static Event audited(GenericRecord event) {
    GenericRecord payload = (GenericRecord) event.get("payload");
    boolean added = payload.getSchema().getName().equals("ItemAdded");
    return new Event(
        event.get("commandId").toString(),
        (Long) event.get("aggregateVersion"),
        added ? payload.get("productId").toString() : payload.getSchema().getName(),
        added ? (Integer) payload.get("quantity") : 0);
  }

  private GenericRecord decode(byte[] value) throws Exception {
    ByteBuffer buffer = ByteBuffer.wrap(value);
    if (buffer.get() != 0) {
      throw new IllegalStateException("a record of " + TOPIC + " not in Confluent's wire format");
    }
    int id = buffer.getInt();
    decoder =
        DecoderFactory.get().binaryDecoder(value, buffer.position(), buffer.remaining(), decoder);
    return reader(id).read(null, decoder);
  }

  private GenericDatumReader<GenericRecord> reader(int id) throws Exception {
    GenericDatumReader<GenericRecord> reader = readers.get(id);
    if (reader == null) {
      String answer = Http.get(http, registry.resolve("/schemas/ids/" + id));
      Schema schema = new Schema.Parser().parse(json.readTree(answer).get("schema").asText());
      reader = new GenericDatumReader<>(schema);
      readers.put(id, reader);
    }
    return reader;
  }
}
