package io.cairn.avro.serde;

import io.cairn.avro.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;

/**
 * A Kafka Streams serde of generated Avro classes in Confluent's wire format: Cairn's envelopes on
 * the command and event topics.
 *
 * @param <T> the generated record class
 */
public class SpecificAvroSerde<T extends SpecificRecord> extends WireFormatSerde<T> {

  /** For Kafka, which configures the serde through {@link #configure}. */
  public SpecificAvroSerde() {
    super(true);
  }

  /** A serde on a shared registry client, so a schema id is fetched once per process. */
  public SpecificAvroSerde(SchemaRegistryClient client, boolean autoRegister, boolean isKey) {
    super(client, autoRegister, isKey, true);
  }
}
