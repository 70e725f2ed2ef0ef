package io.cairn.app;

import io.cairn.app.config.CairnConfig;
import io.cairn.app.health.HealthRoutes;
import io.cairn.app.health.ReadinessProbe;
import io.cairn.app.http.ApiRoutes;
import io.cairn.app.http.HttpServer;
import io.cairn.kafka.embedded.EmbeddedBroker;
import io.cairn.topology.kafka.KafkaConnection;
import io.cairn.topology.topics.CairnTopics;
import io.cairn.topology.topics.TopicProvisioner;
import io.cairn.web.Json;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;

/**
 * The running application: the embedded broker (unless an external cluster is configured), the
 * declared topics, and the HTTP API, started in that order and stopped in the reverse one.
 */
public final class CairnApp implements AutoCloseable {
  /** The aggregate types of the commerce domain, whose topics the app declares. */
  static final List<String> AGGREGATE_TYPES =
      List.of("products", "inventory", "carts", "customers", "orders");

  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);

  private final Resources resources;
  private final HttpServer http;
  private final KafkaConnection kafka;
  private final Optional<EmbeddedBroker> broker;

  private CairnApp(
      Resources resources,
      HttpServer http,
      KafkaConnection kafka,
      Optional<EmbeddedBroker> broker) {
    this.resources = resources;
    this.http = http;
    this.kafka = kafka;
    this.broker = broker;
  }

  /**
   * Starts everything the configuration asks for; on failure, stops what was started and rethrows.
   */
  public static CairnApp start(CairnConfig config) {
    Resources resources = new Resources();
    try {
      Optional<EmbeddedBroker> broker =
          config.kafka().useEmbeddedBroker()
              ? Optional.of(resources.add(EmbeddedBroker.start(config.broker())))
              : Optional.empty();
      KafkaConnection kafka =
          config.kafka().connection(broker.map(EmbeddedBroker::bootstrapServers).orElse(null));
      Admin admin = resources.add(Admin.create(kafka.clientConfig()));
      new TopicProvisioner(admin, ADMIN_TIMEOUT)
          .ensure(new CairnTopics(config.topics()).all(AGGREGATE_TYPES));
      ReadinessProbe readiness = new ReadinessProbe(admin, READINESS_TIMEOUT, List::of);
      HttpServer http =
          resources.add(
              HttpServer.start(
                  config.http(),
                  Json.newMapper(),
                  routes -> ApiRoutes.install(routes, new HealthRoutes(readiness))));
      return new CairnApp(resources, http, kafka, broker);
    } catch (RuntimeException e) {
      resources.close();
      throw e;
    }
  }

  /** The base address of the HTTP API. */
  public URI httpUri() {
    return http.uri();
  }

  /** The Kafka cluster the app uses. */
  public KafkaConnection kafka() {
    return kafka;
  }

  /** The embedded broker, when the app runs one. */
  public Optional<EmbeddedBroker> broker() {
    return broker;
  }

  /** Stops the HTTP API, the clients, then the broker. */
  @Override
  public void close() {
    resources.close();
  }
}
