package io.cairn.app;

import io.cairn.app.config.CairnConfig;
import io.cairn.app.config.HttpConfig;
import io.cairn.app.config.RegistryConfig;
import io.cairn.app.contract.ContractSchemas;
import io.cairn.app.health.HealthRoutes;
import io.cairn.app.health.ReadinessProbe;
import io.cairn.app.http.ApiRoutes;
import io.cairn.app.http.HttpServer;
import io.cairn.app.views.ViewsSetup;
import io.cairn.app.views.ViewsSide;
import io.cairn.app.write.WriteSide;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.commerce.CommerceAggregates;
import io.cairn.commerce.views.CommerceViews;
import io.cairn.kafka.embedded.EmbeddedBroker;
import io.cairn.registry.EmbeddedSchemaRegistry;
import io.cairn.topology.aggregate.AggregateType;
import io.cairn.topology.kafka.KafkaConnection;
import io.cairn.topology.topics.CairnTopics;
import io.cairn.topology.topics.TopicProvisioner;
import io.cairn.topology.topics.TopicSpec;
import io.cairn.web.Json;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The running application: the embedded broker (unless an external cluster is configured), the
 * declared topics, the schema registry (embedded unless an external one is configured) holding the
 * contract's schemas, the write side, and the HTTP API, started in that order and stopped in the
 * reverse one.
 */
public final class CairnApp implements AutoCloseable {
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final Resources resources;
  private final HttpServer http;
  private final KafkaConnection kafka;
  private final Optional<EmbeddedBroker> broker;
  private final URI registryUri;
  private final boolean embeddedRegistry;

  private CairnApp(
      Resources resources,
      HttpServer http,
      KafkaConnection kafka,
      Optional<EmbeddedBroker> broker,
      URI registryUri,
      boolean embeddedRegistry) {
    this.resources = resources;
    this.http = http;
    this.kafka = kafka;
    this.broker = broker;
    this.registryUri = registryUri;
    this.embeddedRegistry = embeddedRegistry;
  }

  /**
   * Starts everything the configuration asks for; on failure, stops what was started and rethrows.
   */
  public static CairnApp start(CairnConfig config) {
    Resources resources = new Resources();
    // The views advertise the HTTP port before the server starts, so it is chosen first.
    HttpConfig httpConfig = config.http().withPortChosen();
    try {
      Optional<EmbeddedBroker> broker =
          config.kafka().useEmbeddedBroker()
              ? Optional.of(resources.add(EmbeddedBroker.start(config.broker())))
              : Optional.empty();
      KafkaConnection kafka =
          config.kafka().connection(broker.map(EmbeddedBroker::bootstrapServers).orElse(null));
      Admin admin = Admin.create(kafka.clientConfig());
      // Bounded: with the cluster gone, an unbounded close would hold the shutdown hostage.
      resources.add(() -> admin.close(CLOSE_TIMEOUT));
      CairnTopics topics = new CairnTopics(config.topics());
      List<AggregateType<?, ?, ?>> aggregates = CommerceAggregates.all();
      new TopicProvisioner(admin, ADMIN_TIMEOUT)
          .ensure(declared(topics, aggregates, config.registry()));
      URI registryUri = startRegistry(config.registry(), kafka, resources);
      SchemaRegistryClient schemas =
          new SchemaRegistryClient(config.registry().clientConfig(registryUri));
      boolean autoRegister = config.registry().autoRegister();
      new ContractSchemas(topics, aggregates).publish(schemas, autoRegister);
      WriteSide writeSide =
          resources.add(
              WriteSide.start(
                  config.processing(), config.topics(), aggregates, kafka, schemas, autoRegister));
      ViewsSide views =
          resources.add(
              ViewsSide.start(
                  new ViewsSetup(
                      config.processing(),
                      config.views(),
                      config.topics(),
                      aggregates,
                      CommerceViews.all(),
                      kafka,
                      schemas,
                      new HostInfo(httpConfig.advertised(), httpConfig.port())),
                  admin));
      HttpServer http = resources.add(startHttp(config, httpConfig, admin, writeSide, views));
      return new CairnApp(
          resources, http, kafka, broker, registryUri, config.registry().useEmbeddedRegistry());
    } catch (RuntimeException e) {
      resources.close();
      throw e;
    }
  }

  private static List<TopicSpec> declared(
      CairnTopics topics, List<AggregateType<?, ?, ?>> aggregates, RegistryConfig registry) {
    List<TopicSpec> declared =
        new ArrayList<>(topics.all(aggregates.stream().map(AggregateType::name).toList()));
    if (registry.useEmbeddedRegistry()) {
      declared.add(topics.schemaLog(registry.topic()));
    }
    return declared;
  }

  private static URI startRegistry(
      RegistryConfig config, KafkaConnection kafka, Resources resources) {
    if (!config.useEmbeddedRegistry()) {
      return config.externalUrl().orElseThrow();
    }
    EmbeddedSchemaRegistry.Settings settings =
        new EmbeddedSchemaRegistry.Settings(
            config.host(), config.port(), config.topic(), config.compatibility(), REGISTRY_TIMEOUT);
    return resources.add(EmbeddedSchemaRegistry.start(settings, kafka)).uri();
  }

  private static HttpServer startHttp(
      CairnConfig config,
      HttpConfig httpConfig,
      Admin admin,
      WriteSide writeSide,
      ViewsSide views) {
    ReadinessProbe readiness =
        new ReadinessProbe(
            admin,
            READINESS_TIMEOUT,
            () ->
                Stream.concat(
                        Stream.of(writeSide.streamsInstance()), views.streamsInstance().stream())
                    .toList());
    return HttpServer.start(
        httpConfig,
        Json.newMapper(),
        routes ->
            ApiRoutes.install(
                routes, new HealthRoutes(readiness), writeSide.routes(), views::install));
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

  /** The schema registry the app uses: schema.registry.url for the topics' consumers. */
  public URI registryUri() {
    return registryUri;
  }

  /** Whether the registry is the app's own. */
  public boolean hasEmbeddedRegistry() {
    return embeddedRegistry;
  }

  /** Stops the HTTP API, the registry, the clients, then the broker. */
  @Override
  public void close() {
    resources.close();
  }
}
