package io.cairn.avro.serde;

import io.cairn.avro.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka Streams serde of GenericRecords in Confluent's wire format, for code without classes. */
public class GenericAvroSerde implements Serde<GenericRecord> {
  private final KafkaAvroSerializer serializer;
  private final KafkaAvroDeserializer deserializer;

  /** For Kafka, which configures the serde through {@link #configure}. */
  public GenericAvroSerde() {
    this.serializer = new KafkaAvroSerializer();
    this.deserializer = new KafkaAvroDeserializer();
  }

  /** A serde on a shared registry client. */
  public GenericAvroSerde(SchemaRegistryClient client, boolean autoRegister, boolean isKey) {
    AvroSerdeConfig config = new AvroSerdeConfig(autoRegister, false, false);
    this.serializer = new KafkaAvroSerializer(client, config, isKey);
    this.deserializer = new KafkaAvroDeserializer(client, config);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Map<String, Object> generic = new HashMap<>(configs);
    generic.put(AvroSerdeConfig.SPECIFIC_READER, false);
    serializer.configure(generic, isKey);
    deserializer.configure(generic, isKey);
  }

  @Override
  public Serializer<GenericRecord> serializer() {
    return (topic, data) -> serializer.serialize(topic, data);
  }

  @Override
  public Deserializer<GenericRecord> deserializer() {
    return (topic, data) -> (GenericRecord) deserializer.deserialize(topic, data);
  }
}
