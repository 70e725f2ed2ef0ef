package io.cairn.avro.serde;

import io.cairn.avro.registry.RegisteredSchema;
import io.cairn.avro.registry.RegistryClientConfig;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated SpecificRecords or GenericRecords) in Confluent's wire format,
 * with the writer schema registered under the subject {@code <topic>-value} (or {@code -key}),
 * Confluent's TopicNameStrategy.
 *
 * <p>Configured by Kafka with the keys of {@link RegistryClientConfig} and {@link AvroSerdeConfig},
 * or built around a shared {@link SchemaRegistryClient}.
 */
public class KafkaAvroSerializer implements Serializer<Object> {
  private SchemaRegistryClient client;
  private AvroSerdeConfig config;
  private boolean isKey;

  /** For Kafka, which configures the serializer through {@link #configure}. */
  public KafkaAvroSerializer() {}

  /** A serializer on a shared registry client, configured already. */
  public KafkaAvroSerializer(SchemaRegistryClient client, AvroSerdeConfig config, boolean isKey) {
    this.client = client;
    this.config = config;
    this.isKey = isKey;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (client == null) {
      client = new SchemaRegistryClient(RegistryClientConfig.from(configs));
    }
    this.config = AvroSerdeConfig.from(configs);
    this.isKey = isKey;
  }

  @Override
  public byte[] serialize(String topic, Object data) {
    if (data == null) {
      return null;
    }
    if (!(data instanceof IndexedRecord record)) {
      throw new SerializationException(
          "KafkaAvroSerializer writes Avro records (SpecificRecord or GenericRecord), not "
              + data.getClass().getName());
    }
    if (client == null) {
      throw new IllegalStateException("KafkaAvroSerializer is not configured");
    }
    Schema schema = record.getSchema();
    String subject = topic + (isKey ? "-key" : "-value");
    int id = schemaId(subject, schema);
    return frame(id, record, schema);
  }

  private int schemaId(String subject, Schema schema) {
    try {
      if (config.useLatestVersion()) {
        RegisteredSchema latest = client.latest(subject);
        if (SchemaNormalization.parsingFingerprint64(latest.schema())
            != SchemaNormalization.parsingFingerprint64(schema)) {
          throw new SerializationException(
              "use.latest.version is on, but the latest version of %s (id %d, version %d) is not the record's schema %s"
                  .formatted(subject, latest.id(), latest.version(), schema.getFullName()));
        }
        return latest.id();
      }
      return config.autoRegister()
          ? client.register(subject, schema)
          : client.lookup(subject, schema).id();
    } catch (SchemaRegistryException e) {
      throw new SerializationException(
          "cannot get a schema id for %s under subject %s: %s"
              .formatted(schema.getFullName(), subject, e.getMessage()),
          e);
    }
  }

  private static byte[] frame(int id, IndexedRecord record, Schema schema) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    ByteBuffer header = ByteBuffer.allocate(WireFormat.HEADER_SIZE);
    WireFormat.writeHeader(header, id);
    out.writeBytes(header.array());
    // A generated record brings its own data model: nothing is loaded by name to write it.
    DatumWriter<Object> writer =
        record instanceof SpecificRecord
            ? new SpecificDatumWriter<>(schema, SpecificData.getForClass(record.getClass()))
            : new GenericDatumWriter<>(schema);
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writer.write(record, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot write a " + schema.getFullName() + " as Avro: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }
}
