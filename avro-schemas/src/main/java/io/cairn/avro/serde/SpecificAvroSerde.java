package io.cairn.avro.serde;

import io.cairn.avro.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka Streams serde of generated Avro classes in Confluent's wire format: Cairn's envelopes on
 * the command and event topics.
 *
 * @param <T> the generated record class
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {
  private final KafkaAvroSerializer serializer;
  private final KafkaAvroDeserializer deserializer;

  /** For Kafka, which configures the serde through {@link #configure}. */
  public SpecificAvroSerde() {
    this.serializer = new KafkaAvroSerializer();
    this.deserializer = new KafkaAvroDeserializer();
  }

  /** A serde on a shared registry client, so a schema id is fetched once per process. */
  public SpecificAvroSerde(SchemaRegistryClient client, boolean autoRegister, boolean isKey) {
    AvroSerdeConfig config = new AvroSerdeConfig(autoRegister, false, true);
    this.serializer = new KafkaAvroSerializer(client, config, isKey);
    this.deserializer = new KafkaAvroDeserializer(client, config);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Map<String, Object> specific = new HashMap<>(configs);
    specific.put(AvroSerdeConfig.SPECIFIC_READER, true);
    serializer.configure(specific, isKey);
    deserializer.configure(specific, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, data) -> serializer.serialize(topic, data);
  }

  @Override
  @SuppressWarnings("unchecked") // the specific reader returns the generated class it was asked for
  public Deserializer<T> deserializer() {
    return (topic, data) -> (T) deserializer.deserialize(topic, data);
  }
}
