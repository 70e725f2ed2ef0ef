package io.cairn.engine.views.stores;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of what the engine keeps as JSON in its stores and internal topics, in the form {@link
 * ViewJson} describes.
 */
public final class JsonSerde {
  private static final ObjectMapper JSON = ViewJson.MAPPER;

  private JsonSerde() {}

  /** The serde of a record type. */
  public static <V> Serde<V> of(Class<V> type) {
    return of(JSON.constructType(type), type.getSimpleName());
  }

  /** The serde of a generic record, such as an aggregate's entry with its state type. */
  public static <V> Serde<V> of(JavaType type, String what) {
    Serializer<V> serializer =
        (topic, value) -> {
          try {
            return value == null ? null : JSON.writeValueAsBytes(value);
          } catch (IOException e) {
            throw new SerializationException("cannot write a " + what, e);
          }
        };
    Deserializer<V> deserializer =
        (topic, bytes) -> {
          try {
            return bytes == null ? null : JSON.readValue(bytes, type);
          } catch (IOException e) {
            throw new SerializationException("cannot read a " + what, e);
          }
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
