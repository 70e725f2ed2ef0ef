package io.cairn.app.write;

import static org.awaitility.Awaitility.await;

import io.cairn.avro.carts.CartEvent;
import io.cairn.avro.registry.RegistryClientConfig;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.serde.AvroSerdeConfig;
import io.cairn.avro.serde.KafkaAvroDeserializer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The carts' event log as a plain consumer of the contract reads it, committed records only. */
public final class CartLog {
  private static final String TOPIC = "cairn.carts.events";

  private CartLog() {}

  /** Every event of the carts whose ids start with the prefix, by cart, in log order. */
  public static Map<String, List<CartEvent>> read(String bootstrap, URI registry, String prefix) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    SchemaRegistryClient schemas = new SchemaRegistryClient(RegistryClientConfig.of(registry));
    Map<String, List<CartEvent>> byCart = new TreeMap<>();
    try (var consumer =
        new KafkaConsumer<>(
            config,
            new StringDeserializer(),
            new KafkaAvroDeserializer(schemas, new AvroSerdeConfig(false, false, true)))) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(TOPIC).stream()
              .map(info -> new TopicPartition(TOPIC, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(
                        record -> {
                          if (record.key().startsWith(prefix)) {
                            byCart
                                .computeIfAbsent(record.key(), k -> new ArrayList<>())
                                .add((CartEvent) record.value());
                          }
                        });
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
              });
    }
    return byCart;
  }
}
