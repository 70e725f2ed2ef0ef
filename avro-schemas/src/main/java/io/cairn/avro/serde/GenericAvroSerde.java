package io.cairn.avro.serde;

import io.cairn.avro.registry.SchemaRegistryClient;
import org.apache.avro.generic.GenericRecord;

/** A Kafka Streams serde of GenericRecords in Confluent's wire format, for code without classes. */
public class GenericAvroSerde extends WireFormatSerde<GenericRecord> {

  /** For Kafka, which configures the serde through {@link #configure}. */
  public GenericAvroSerde() {
    super(false);
  }

  /** A serde on a shared registry client. */
  public GenericAvroSerde(SchemaRegistryClient client, boolean autoRegister, boolean isKey) {
    super(client, autoRegister, isKey, false);
  }
}
