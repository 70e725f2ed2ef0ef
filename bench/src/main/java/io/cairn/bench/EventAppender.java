package io.cairn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Appends events to the event log as the public contract describes them, the way another producer
 * of that contract would: each value is the event envelope in Avro, in Confluent's wire format with
 * the registry's id of the topic's latest schema, and carries the CloudEvents headers.
 */
final class EventAppender implements AutoCloseable {
  private final Map<String, Schema> schemas = new HashMap<>();
  private final Map<String, Integer> ids = new HashMap<>();
  private final Map<String, Schema> branches = new HashMap<>();
  private final Map<String, GenericDatumWriter<GenericRecord>> writers = new HashMap<>();
  private final KafkaProducer<String, byte[]> producer;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
  private BinaryEncoder encoder;

  /** Fetches the event envelopes of the types from the registry. */
  EventAppender(String bootstrap, URI registry, HttpClient http, List<String> types)
      throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (String type : types) {
      URI latest = registry.resolve("/subjects/" + topic(type) + "-value/versions/latest");
      JsonNode subject = json.readTree(Http.get(http, latest));
      ids.put(type, subject.get("id").asInt());
      schemas.put(type, new Schema.Parser().parse(subject.get("schema").asText()));
    }
    producer =
        Producers.durable(
            bootstrap, 10, 256 * 1024, new StringSerializer(), new ByteArraySerializer());
  }

  static String topic(String type) {
    return "cairn." + type + ".events";
  }

  /** Appends one event; a failure is thrown by {@link #flush()}. */
  void append(String type, String id, long version, String event, Map<String, Object> fields) {
    Schema envelope = schemas.get(type);
    GenericRecord payload = new GenericData.Record(branch(type, event));
    fields.forEach(payload::put);
    String eventId = UUID.randomUUID().toString();
    Instant now = Instant.now();
    GenericRecord record = new GenericData.Record(envelope);
    record.put("eventId", eventId);
    record.put("aggregateId", id);
    record.put("aggregateVersion", version);
    record.put("occurredAt", now.toEpochMilli());
    record.put("commandId", eventId);
    record.put("correlationId", eventId);
    record.put("payload", payload);
    RecordHeaders headers = new RecordHeaders();
    header(headers, "ce_specversion", "1.0");
    header(headers, "ce_id", eventId);
    header(headers, "ce_source", "/cairn/" + type);
    header(headers, "ce_type", "io.cairn." + type + "." + event);
    header(headers, "ce_time", now.toString());
    header(headers, "ce_subject", id);
    header(headers, "content-type", "application/avro");
    producer.send(
        new ProducerRecord<>(topic(type), null, id, encode(type, record), headers),
        (metadata, error) -> {
          if (error != null) {
            failure.compareAndSet(null, error);
          }
        });
  }

  /** The schema of a nested record of a payload, such as an order's lines. */
  Schema nested(String type, String event, String field) {
    return branch(type, event).getField(field).schema().getElementType();
  }

  private Schema branch(String type, String event) {
    return branches.computeIfAbsent(
        type + "." + event,
        key ->
            schemas.get(type).getField("payload").schema().getTypes().stream()
                .filter(branch -> branch.getName().equals(event))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type + " has no event " + event)));
  }

  private byte[] encode(String type, GenericRecord record) {
    try {
      buffer.reset();
      buffer.write(0);
      buffer.write(ByteBuffer.allocate(4).putInt(ids.get(type)).array());
      encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
      writers
          .computeIfAbsent(type, t -> new GenericDatumWriter<>(schemas.get(t)))
          .write(record, encoder);
      encoder.flush();
      return buffer.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode " + record, e);
    }
  }

  private static void header(RecordHeaders headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Waits until every event is acknowledged; throws the first failure. */
  void flush() throws Exception {
    producer.flush();
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  @Override
  public void close() {
    producer.close(Producers.PATIENCE);
  }
}
