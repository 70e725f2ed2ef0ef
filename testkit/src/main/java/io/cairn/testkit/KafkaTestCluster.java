package io.cairn.testkit;

import java.util.Map;
import java.util.UUID;

/**
 * The real Kafka broker a test runs against, as the test sees it: where to connect, and names that
 * no other test uses, since every test class in the JVM shares the one broker.
 *
 * @param bootstrapServers the broker's address
 */
public record KafkaTestCluster(String bootstrapServers) {

  /** The properties every client needs to reach the broker. */
  public Map<String, Object> clientProperties() {
    return Map.of("bootstrap.servers", bootstrapServers);
  }

  /** A topic, group or application name that no other test in this JVM will use. */
  public String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
