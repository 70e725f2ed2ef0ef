package io.cairn.kafka.client;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How every Kafka client of the process reaches the cluster: its bootstrap address and the settings
 * all clients share, security (SASL, TLS) above all. Parsed once from the configuration and turned
 * into client properties only where a client is built.
 *
 * @param bootstrapServers the cluster's bootstrap address
 * @param clientSettings settings passed to every client as they are, such as security.protocol,
 *     sasl.mechanism or ssl.truststore.location
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> clientSettings) {

  /** Validates the address and freezes the settings. */
  public KafkaConnection {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrapServers must not be blank");
    }
    clientSettings = Map.copyOf(clientSettings);
  }

  /** The properties a client needs to connect, to which it adds its own. */
  public Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>(clientSettings);
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return config;
  }

  /** The same as {@link #clientConfig()}, for the clients that take {@link Properties}. */
  public Properties clientProperties() {
    Properties properties = new Properties();
    properties.putAll(clientConfig());
    return properties;
  }
}
