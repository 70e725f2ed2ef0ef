package io.cairn.avro.serde;

import io.cairn.avro.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The common ground of the Avro serdes: a serializer and a deserializer in Confluent's wire format,
 * configured together, reading either generated classes or generic records.
 *
 * @param <T> the record type the serde hands out
 */
abstract class WireFormatSerde<T> implements Serde<T> {
  private final KafkaAvroSerializer serializer;
  private final KafkaAvroDeserializer deserializer;
  private final boolean specific;

  /** For Kafka, which configures the serde through {@link #configure}. */
  WireFormatSerde(boolean specific) {
    this.serializer = new KafkaAvroSerializer();
    this.deserializer = new KafkaAvroDeserializer();
    this.specific = specific;
  }

  /** A serde on a shared registry client, so a schema id is fetched once per process. */
  WireFormatSerde(
      SchemaRegistryClient client, boolean autoRegister, boolean isKey, boolean specific) {
    AvroSerdeConfig config = new AvroSerdeConfig(autoRegister, false, specific);
    this.serializer = new KafkaAvroSerializer(client, config, isKey);
    this.deserializer = new KafkaAvroDeserializer(client, config);
    this.specific = specific;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Map<String, Object> withReader = new HashMap<>(configs);
    withReader.put(AvroSerdeConfig.SPECIFIC_READER, specific);
    serializer.configure(withReader, isKey);
    deserializer.configure(withReader, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer::serialize;
  }

  @Override
  @SuppressWarnings("unchecked") // the deserializer reads the record type this serde was made for
  public Deserializer<T> deserializer() {
    return (topic, data) -> (T) deserializer.deserialize(topic, data);
  }
}
