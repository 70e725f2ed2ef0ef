package io.cairn.app;

import io.cairn.app.config.AuthConfig.Mode;
import io.cairn.app.config.CairnConfig;
import io.cairn.app.config.Durability;
import io.cairn.app.config.RegistryConfig;
import io.cairn.app.contract.DeclaredContract;
import io.cairn.app.health.Worker;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.embedded.EmbeddedBroker;
import io.cairn.kafka.embedded.EmbeddedCluster;
import io.cairn.kafka.personal.KafkaKeyVault;
import io.cairn.kafka.topics.CairnTopics;
import io.cairn.kafka.topics.ContractTopics;
import io.cairn.kafka.topics.LoggedSchemas;
import io.cairn.kafka.topics.TopicDefaults;
import io.cairn.kafka.topics.TopicProvisioner;
import io.cairn.registry.EmbeddedSchemaRegistry;
import io.cairn.registry.RegistryUsers;
import io.cairn.web.tls.ServerTls;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Cairn process that reads or writes the log starts first and closes last: the embedded
 * broker or cluster when there is one, the connection to Kafka (as the app's own user on a secure
 * broker), the declared topics made or checked, the personal keys, the schema registry with the
 * contract's schemas, and the topics with their serdes. The app starts its parts on it; {@code
 * cairn rebuild-aggregates} works on it alone.
 */
public final class Foundation implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Foundation.class);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
  private static final String REGISTRY_APP_USER = "cairn-app";

  private final Resources resources;
  private final Optional<EmbeddedBroker> broker;
  private final Optional<EmbeddedCluster> cluster;
  private final KafkaConnection kafka;
  private final Admin admin;
  private final KafkaKeyVault vault;
  private final URI registryUri;
  private final ContractTopics topics;
  private final List<Worker> workers;

  private Foundation(
      Resources resources,
      Optional<EmbeddedBroker> broker,
      Optional<EmbeddedCluster> cluster,
      KafkaConnection kafka,
      Admin admin,
      KafkaKeyVault vault,
      URI registryUri,
      ContractTopics topics,
      List<Worker> workers) {
    this.resources = resources;
    this.broker = broker;
    this.cluster = cluster;
    this.kafka = kafka;
    this.admin = admin;
    this.vault = vault;
    this.registryUri = registryUri;
    this.topics = topics;
    this.workers = List.copyOf(workers);
  }

  /**
   * Starts the foundation of the configured Cairn; on failure, stops what was started and rethrows.
   *
   * @param types the aggregate types, whose topics the app's Kafka user is granted
   * @param published the topics and schemas the contract declares
   * @param tls the API's TLS, which the embedded registry serves on too
   */
  public static Foundation start(
      CairnConfig config,
      List<AggregateType<?, ?, ?>> types,
      DeclaredContract published,
      Optional<ServerTls> tls) {
    Resources resources = new Resources();
    try {
      Cluster kafkaCluster = Cluster.start(config, types, resources);
      Optional<EmbeddedBroker> broker = kafkaCluster.broker();
      Optional<EmbeddedCluster> cluster = kafkaCluster.cluster();
      KafkaConnection kafka = kafkaCluster.kafka();
      Admin admin = kafkaCluster.admin();
      boolean embedded = config.kafka().useEmbeddedBroker();
      CairnTopics declared = new CairnTopics(config.topics());
      if (!embedded) {
        warnIfNotDurable(config.topics());
      }
      new TopicProvisioner(admin, ADMIN_TIMEOUT, config.durability().allowFiniteRetention())
          .ensure(published.topics().specs());
      List<Worker> workers = new ArrayList<>();
      KafkaKeyVault vault =
          resources.add(new KafkaKeyVault(kafka, declared.personalKeys().name(), REGISTRY_TIMEOUT));
      workers.add(new Worker("personal-keys-reader", vault::readingKeys));
      Optional<RegistryConfig.Embedded> ownRegistry =
          startRegistry(config, tls, kafka, resources, workers);
      URI registryUri =
          ownRegistry
              .map(RegistryConfig.Embedded::url)
              .orElseGet(() -> config.registry().externalUrl().orElseThrow());
      SchemaRegistryClient schemas =
          new SchemaRegistryClient(config.registry().clientConfig(ownRegistry));
      boolean autoRegister = config.registry().autoRegister();
      LoggedSchemas.require(kafka, schemas, published.schemas().bySubject(), ADMIN_TIMEOUT);
      // A schema the registry refuses stops start-up here.
      published.schemas().publish(schemas, autoRegister);
      ContractTopics topics = new ContractTopics(declared, schemas, autoRegister).sealing(vault);
      return new Foundation(
          resources, broker, cluster, kafka, admin, vault, registryUri, topics, workers);
    } catch (RuntimeException e) {
      resources.close();
      throw e;
    }
  }

  /**
   * Where the configured registry answers, and as whom to write to it.
   *
   * @param url its address
   * @param userInfo a user that may write, as {@code name:password}, when it needs one
   * @param trust what to trust its certificate by, when it serves TLS with a certificate of its own
   */
  public record RegistryAccess(URI url, Optional<String> userInfo, Optional<SSLContext> trust) {}

  /**
   * Runs work against the configured schema registry alone, with nothing registered first: the
   * embedded broker and registry when Cairn runs its own (on a free port), or the external one. It
   * is how an export of the registry is imported into a registry whose log was lost.
   */
  public static <T> T withRegistry(
      CairnConfig config,
      List<AggregateType<?, ?, ?>> types,
      DeclaredContract published,
      Function<RegistryAccess, T> work) {
    try (Resources resources = new Resources()) {
      Cluster cluster = Cluster.start(config, types, resources);
      String topic = config.registry().topic();
      new TopicProvisioner(cluster.admin(), ADMIN_TIMEOUT)
          .ensure(published.topics().specs().stream().filter(s -> s.name().equals(topic)).toList());
      Optional<RegistryConfig.Embedded> own =
          startRegistry(config, config.http().tls(), cluster.kafka(), resources, new ArrayList<>());
      return work.apply(
          own.map(
                  embedded ->
                      new RegistryAccess(
                          embedded.url(), Optional.of(embedded.appUser()), embedded.trust()))
              .orElseGet(
                  () ->
                      new RegistryAccess(
                          config.registry().externalUrl().orElseThrow(),
                          config.registry().userInfo(),
                          Optional.empty())));
    }
  }

  /** The Kafka cluster: the embedded broker or nodes when Cairn runs its own, and the clients. */
  private record Cluster(
      Optional<EmbeddedBroker> broker,
      Optional<EmbeddedCluster> cluster,
      KafkaConnection kafka,
      Admin admin) {

    static Cluster start(
        CairnConfig config, List<AggregateType<?, ?, ?>> types, Resources resources) {
      boolean embedded = config.kafka().useEmbeddedBroker();
      Optional<EmbeddedBroker> broker =
          embedded && config.brokerNodes() == 1
              ? Optional.of(resources.add(EmbeddedBroker.start(config.broker())))
              : Optional.empty();
      Optional<EmbeddedCluster> cluster =
          embedded && config.brokerNodes() > 1
              ? Optional.of(
                  resources.add(
                      EmbeddedCluster.start(config.brokerNodeSettings()).restartingNodesThatDie()))
              : Optional.empty();
      String bootstrap =
          broker
              .map(EmbeddedBroker::bootstrapServers)
              .or(() -> cluster.map(EmbeddedCluster::bootstrapServers))
              .orElse(null);
      KafkaConnection kafka = connect(config, bootstrap, broker, types);
      Admin admin = Admin.create(kafka.clientConfig());
      // Bounded: with the cluster gone, an unbounded close would hold the shutdown hostage.
      resources.add(() -> admin.close(CLOSE_TIMEOUT));
      return new Cluster(broker, cluster, kafka, admin);
    }
  }

  /**
   * Says loudly, on a cluster of the operator's, that the topics keep too few copies for an
   * acknowledged event to survive a lost disk; topics.require.durable refuses such a start.
   */
  private static void warnIfNotDurable(TopicDefaults topics) {
    if (topics.replicationFactor() < Durability.DURABLE_REPLICATION) {
      log.warn(
          "topics.replication.factor={}: each partition of the event log has {} cop{} on this"
              + " cluster, so a broker that loses its disk loses acknowledged events. Set 3 for"
              + " production, and topics.require.durable=true to refuse to start with fewer.",
          topics.replicationFactor(),
          topics.replicationFactor(),
          topics.replicationFactor() == 1 ? "y" : "ies");
    }
  }

  private static KafkaConnection connect(
      CairnConfig config,
      String embeddedBootstrap,
      Optional<EmbeddedBroker> broker,
      List<AggregateType<?, ?, ?>> types) {
    KafkaConnection plain = config.kafka().connection(embeddedBootstrap);
    return broker
        .flatMap(EmbeddedBroker::security)
        .map(
            security ->
                BrokerAccess.grant(
                    plain,
                    security,
                    types.stream().map(AggregateType::name).toList(),
                    config.registry().topic()))
        .orElse(plain);
  }

  /**
   * Serves the embedded registry, unless an external one is configured: on the API's TLS, with
   * writes for an admin whenever the API authenticates, and an admin user of the app's own that
   * nobody else knows.
   */
  private static Optional<RegistryConfig.Embedded> startRegistry(
      CairnConfig config,
      Optional<ServerTls> tls,
      KafkaConnection kafka,
      Resources resources,
      List<Worker> workers) {
    RegistryConfig registry = config.registry();
    if (!registry.useEmbeddedRegistry()) {
      return Optional.empty();
    }
    String password = UUID.randomUUID().toString();
    EmbeddedSchemaRegistry.Settings settings =
        new EmbeddedSchemaRegistry.Settings(
            registry.host(),
            registry.port(),
            registry.topic(),
            registry.compatibility(),
            REGISTRY_TIMEOUT,
            registry.users().with(REGISTRY_APP_USER, password, RegistryUsers.Role.ADMIN),
            config.auth().mode() != Mode.NONE,
            tls);
    EmbeddedSchemaRegistry embedded = resources.add(EmbeddedSchemaRegistry.start(settings, kafka));
    workers.add(new Worker("schema-registry-log-reader", embedded::readingItsLog));
    URI url = embedded.uri();
    return Optional.of(
        new RegistryConfig.Embedded(
            url, REGISTRY_APP_USER + ":" + password, tls.map(ServerTls::trustingItself)));
  }

  /** The embedded broker, when this process runs one. */
  public Optional<EmbeddedBroker> broker() {
    return broker;
  }

  /** The embedded cluster, when this process runs one of several nodes. */
  public Optional<EmbeddedCluster> cluster() {
    return cluster;
  }

  /** The connection to Kafka, as the app's own user. */
  public KafkaConnection kafka() {
    return kafka;
  }

  /** An admin client of the cluster, closed with the foundation. */
  public Admin admin() {
    return admin;
  }

  /** The personal data's keys. */
  public KafkaKeyVault vault() {
    return vault;
  }

  /** The schema registry in use: schema.registry.url for the topics' consumers. */
  public URI registryUri() {
    return registryUri;
  }

  /** The topics with the contract's serdes, sealing personal fields. */
  public ContractTopics topics() {
    return topics;
  }

  /** The background threads the foundation runs, for health. */
  public List<Worker> workers() {
    return workers;
  }

  /** Stops the registry, the keys' reader, the admin client, then the broker. */
  @Override
  public void close() {
    resources.close();
  }
}
