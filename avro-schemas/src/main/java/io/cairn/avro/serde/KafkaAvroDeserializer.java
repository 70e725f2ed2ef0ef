package io.cairn.avro.serde;

import io.cairn.avro.contract.CairnRecordTrust;
import io.cairn.avro.registry.RegistryClientConfig;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro records in Confluent's wire format: it fetches the writer schema by the id in the
 * record's header (once per id) and resolves it against the reader's schema, by Avro's rules, so
 * that old records are read by new code and new records by old code as far as those rules allow.
 *
 * <p>With {@code specific.avro.reader=true} the reader schema is that of the generated class with
 * the writer schema's full name; otherwise records are read as GenericRecords of the writer schema.
 * Every failure is a {@link SerializationException} that says what was wrong with the record.
 *
 * <p>A writer schema whose unions have branches the reader's lack (a type appended by newer code)
 * still reads every record that does not use them; one that does fails with an {@link
 * UnknownTypeException} naming the type, so that its reader can set it aside. Such records are
 * decoded twice, once with the writer's schema alone to find the types they use.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {
  private final Map<Integer, Reading> readers = new ConcurrentHashMap<>();
  private SchemaRegistryClient client;
  private AvroSerdeConfig config;

  /** For Kafka, which configures the deserializer through {@link #configure}. */
  public KafkaAvroDeserializer() {}

  /** A deserializer on a shared registry client, configured already. */
  public KafkaAvroDeserializer(SchemaRegistryClient client, AvroSerdeConfig config) {
    this.client = client;
    this.config = config;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (client == null) {
      client = new SchemaRegistryClient(RegistryClientConfig.from(configs));
    }
    this.config = AvroSerdeConfig.from(configs);
  }

  @Override
  public Object deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new IllegalStateException("KafkaAvroDeserializer is not configured");
    }
    WireFormat.Header header = WireFormat.header(topic, data);
    Reading reading = readers.computeIfAbsent(header.schemaId(), this::readingFor);
    // Checked first, since Avro does not always refuse an unknown branch: it reads one into a
    // known record that takes its fields, such as an empty one, and would change its meaning.
    Optional<String> unknown =
        UnknownBranches.used(reading.unknown(), reading.writer(), body(header, data));
    if (unknown.isPresent()) {
      throw new UnknownTypeException(topic, header.schemaId(), unknown.get());
    }
    BinaryDecoder decoder = body(header, data);
    try {
      Object record = reading.reader().read(null, decoder);
      if (!decoder.isEnd()) {
        throw new SerializationException(
            "corrupt Avro body for schema id %d in a record from topic %s: bytes are left over after the record"
                .formatted(header.schemaId(), topic));
      }
      return record;
    } catch (IOException | RuntimeException e) {
      if (e instanceof SerializationException serialization) {
        throw serialization;
      }
      throw new SerializationException(
          "corrupt or truncated Avro body (%d bytes) for schema id %d in a record from topic %s: %s"
              .formatted(header.bodyLength(), header.schemaId(), topic, e),
          e);
    }
  }

  private Reading readingFor(int schemaId) {
    Schema writer = writerSchema(schemaId);
    if (!config.specificReader()) {
      return new Reading(new GenericDatumReader<>(writer), writer, Set.of());
    }
    CairnRecordTrust.ensure();
    Schema reader =
        specificSchema(writer)
            .orElseThrow(
                () ->
                    new SerializationException(
                        "schema id %d writes %s, for which no generated class is on the class path (specific.avro.reader=true)"
                            .formatted(schemaId, writer.getFullName())));
    SchemaCompatibility.SchemaPairCompatibility compatibility =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    Optional<Set<String>> unknown = UnknownBranches.only(compatibility.getResult());
    if (unknown.isEmpty()) {
      throw new SerializationException(
          "schema id %d (%s) cannot be resolved against the reader's schema: %s"
              .formatted(schemaId, writer.getFullName(), compatibility.getDescription()));
    }
    return new Reading(new SpecificDatumReader<>(writer, reader), writer, unknown.get());
  }

  private Schema writerSchema(int schemaId) {
    try {
      return client.schemaById(schemaId);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND || e.status() == 404) {
        throw new SerializationException(
            "unknown schema id %d: the schema registry has no such schema (%s)"
                .formatted(schemaId, e.getMessage()),
            e);
      }
      throw new SerializationException(
          "cannot fetch schema id %d: %s".formatted(schemaId, e.getMessage()), e);
    }
  }

  private static Optional<Schema> specificSchema(Schema writer) {
    try {
      Class<?> generated = SpecificData.get().getClass(writer);
      if (generated == null || generated == Object.class) {
        return Optional.empty();
      }
      return Optional.of(SpecificData.get().getSchema(generated));
    } catch (SecurityException e) {
      throw new SerializationException(
          "Avro does not trust the class %s; trust its package with the system property org.apache.avro.SERIALIZABLE_PACKAGES"
              .formatted(writer.getFullName()),
          e);
    }
  }

  private static BinaryDecoder body(WireFormat.Header header, byte[] data) {
    return DecoderFactory.get().binaryDecoder(data, header.bodyOffset(), header.bodyLength(), null);
  }

  /**
   * How the records of one writer schema are read.
   *
   * @param reader resolves the writer schema against the reader's
   * @param writer the writer schema
   * @param unknown full names of the writer's union branches the reader's schema lacks
   */
  private record Reading(DatumReader<Object> reader, Schema writer, Set<String> unknown) {}
}
