package io.cairn.app.config;

import io.cairn.kafka.client.KafkaConnection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Which Kafka cluster the app uses: an external one when its bootstrap address is configured,
 * otherwise the embedded broker.
 *
 * @param bootstrapServers the external cluster's address; empty to run the embedded broker
 * @param clientSettings settings passed to every Kafka client, security above all
 */
public record KafkaConfig(Optional<String> bootstrapServers, Map<String, String> clientSettings) {
  private static final Set<String> COMMON_CLIENT_SETTINGS = AdminClientConfig.configNames();

  /** Whether the app must start its own broker. */
  public boolean useEmbeddedBroker() {
    return bootstrapServers.isEmpty();
  }

  /** The connection every client is built from, on the external cluster or the given broker. */
  public KafkaConnection connection(String embeddedBootstrapServers) {
    return new KafkaConnection(bootstrapServers.orElse(embeddedBootstrapServers), clientSettings);
  }

  static KafkaConfig read(Settings settings) {
    Optional<String> bootstrap =
        settings.optionalString(
            "kafka.bootstrap.servers",
            "Address of an external Kafka cluster (also KAFKA_BOOTSTRAP_SERVERS). When unset,"
                + " Cairn runs its own embedded broker.");
    Map<String, String> client =
        settings.prefixed(
            "kafka.",
            name ->
                COMMON_CLIENT_SETTINGS.contains(name)
                    && !name.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG),
            "not a setting that every Kafka client understands (Cairn passes kafka.* to its"
                + " admin, producer, consumer and Streams clients alike)",
            "Settings passed to every Kafka client, e.g. kafka.security.protocol=SASL_SSL,"
                + " kafka.sasl.mechanism, kafka.sasl.jaas.config, kafka.ssl.truststore.location.");
    return new KafkaConfig(bootstrap, client);
  }
}
