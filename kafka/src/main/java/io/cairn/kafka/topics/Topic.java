package io.cairn.kafka.topics;

import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes its keys and values are written and read with: what a producer, a
 * consumer or a topology needs of it, from its one declaration.
 *
 * @param spec the topic as declared
 * @param keySerde its keys' serde
 * @param valueSerde its values' serde
 * @param <K> its keys
 * @param <V> its values
 */
public record Topic<K, V>(TopicSpec spec, Serde<K> keySerde, Serde<V> valueSerde) {

  /** Checks that every part is there. */
  public Topic {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }

  /** The topic's name. */
  public String name() {
    return spec.name();
  }

  /** A record for this topic, its key and value written with the topic's serdes. */
  public ProducerRecord<byte[], byte[]> record(K key, V value) {
    return new ProducerRecord<>(
        name(),
        keySerde.serializer().serialize(name(), key),
        valueSerde.serializer().serialize(name(), value));
  }
}
