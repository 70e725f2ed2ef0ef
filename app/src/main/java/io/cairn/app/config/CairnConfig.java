package io.cairn.app.config;

import io.cairn.app.logging.LogFormat;
import io.cairn.kafka.embedded.BrokerSettings;
import io.cairn.kafka.topics.TopicDefaults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The app's whole configuration, parsed once at start-up into validated records, one per concern,
 * and handed down through constructors from there.
 *
 * @param http where the HTTP API listens
 * @param auth who may call the HTTP API
 * @param kafka which cluster to use
 * @param broker how the embedded broker runs, when it does (its first node, when it has several)
 * @param brokerNodes how many KRaft nodes the embedded broker has
 * @param topics how Cairn's topics are partitioned and replicated
 * @param durability how strictly the topics are held to the event log's durability
 * @param registry which schema registry to use
 * @param processing how commands are processed
 * @param views how the read side keeps its views
 * @param reactions how policies and process managers run
 * @param payments how checkouts pay
 * @param reports how the reports are kept
 * @param logFormat how log lines are written
 */
public record CairnConfig(
    HttpConfig http,
    AuthConfig auth,
    KafkaConfig kafka,
    BrokerSettings broker,
    int brokerNodes,
    TopicDefaults topics,
    Durability durability,
    RegistryConfig registry,
    ProcessingConfig processing,
    ViewsConfig views,
    ReactionsConfig reactions,
    PaymentsConfig payments,
    ReportsConfig reports,
    LogFormat logFormat) {

  private static final int MAX_BROKER_NODES = 5;

  /**
   * Loads the configuration from its sources.
   *
   * @param flags the command-line arguments after the command name
   * @param env the process environment
   * @throws ConfigException naming every unknown key and malformed value
   */
  public static CairnConfig load(List<String> flags, Map<String, String> env) {
    return read(new Settings(ConfigSources.collect(flags, env)));
  }

  /** Every configuration key, with its default and meaning. */
  public static List<Settings.KeyDoc> documentation() {
    Settings settings = new Settings(Map.of());
    read(settings);
    return settings.documentation();
  }

  private static CairnConfig read(Settings settings) {
    HttpConfig http = HttpConfig.read(settings);
    AuthConfig auth = AuthConfig.read(settings);
    settings.validated(
        "auth.mode",
        () -> {
          auth.checkExposure(http.host());
          return auth;
        });
    KafkaConfig kafka = KafkaConfig.read(settings);
    BrokerSettings broker = readBroker(settings);
    int brokerNodes =
        settings.integer(
            "broker.nodes",
            1,
            1,
            MAX_BROKER_NODES,
            "KRaft nodes of the embedded broker, each a broker and a controller in a JVM of its"
                + " own: 3 keeps every topic in three copies, two in sync, so one node can die."
                + " Node n binds broker.port and broker.controller.port plus 2(n-1), and keeps its"
                + " data in broker.data.dir/node-n.");
    if (brokerNodes > 1 && broker.secure()) {
      settings.validated(
          "broker.nodes",
          () -> {
            throw new IllegalArgumentException("the secure mode runs on one node only");
          });
    }
    TopicDefaults topics =
        readTopics(settings, kafka.useEmbeddedBroker() ? Math.min(3, brokerNodes) : 1);
    Durability durability = Durability.read(settings);
    if (durability.requireDurable()) {
      settings.validated(
          "topics.require.durable",
          () -> {
            if (kafka.useEmbeddedBroker()
                || topics.replicationFactor() < Durability.DURABLE_REPLICATION) {
              throw new IllegalArgumentException(
                  "true needs an external cluster and topics.replication.factor of at least "
                      + Durability.DURABLE_REPLICATION
                      + ", not "
                      + (kafka.useEmbeddedBroker()
                          ? "the embedded broker"
                          : String.valueOf(topics.replicationFactor())));
            }
            return durability;
          });
    }
    RegistryConfig registry = RegistryConfig.read(settings);
    ProcessingConfig processing = ProcessingConfig.read(settings);
    ViewsConfig views = ViewsConfig.read(settings);
    ReactionsConfig reactions = ReactionsConfig.read(settings);
    PaymentsConfig payments = PaymentsConfig.read(settings);
    ReportsConfig reports = ReportsConfig.read(settings);
    LogFormat logFormat =
        settings.parsed(
            "log.format",
            LogFormat.TEXT,
            "How log lines are written: text, for a person, or json, one object per line with"
                + " the MDC's correlation and command ids, for a log shipper.",
            LogFormat::parse);
    settings.requireValid();
    return new CairnConfig(
        http,
        auth,
        kafka,
        broker,
        brokerNodes,
        topics,
        durability,
        registry,
        processing,
        views,
        reactions,
        payments,
        reports,
        logFormat);
  }

  private static BrokerSettings readBroker(Settings settings) {
    BrokerSettings defaults = BrokerSettings.defaults();
    var dataDir =
        settings.path(
            "broker.data.dir",
            defaults.dataDir(),
            "Where the embedded broker keeps its data, kept across runs.");
    int port =
        settings.port(
            "broker.port", defaults.port(), "Client port of the embedded broker, on 127.0.0.1.");
    int controllerPort =
        settings.port(
            "broker.controller.port",
            defaults.controllerPort(),
            "KRaft controller port of the embedded broker, on 127.0.0.1.");
    String heap =
        settings.string(
            "broker.heap", defaults.maxHeap(), "Maximum heap of the embedded broker's JVM.");
    Duration timeout =
        settings.duration(
            "broker.start.timeout",
            defaults.startTimeout(),
            "How long the embedded broker may take to start.");
    boolean secure =
        settings.parsed(
            "broker.security",
            false,
            "plaintext, or sasl_ssl: clients of the embedded broker authenticate with"
                + " SCRAM-SHA-512 over TLS and are held to ACLs; its certificates and users are"
                + " made at its first start under broker.data.dir/security.",
            CairnConfig::secureBroker);
    return settings
        .validated(
            "broker.*",
            () -> new BrokerSettings(dataDir, port, controllerPort, heap, timeout, secure))
        .orElse(defaults);
  }

  private static boolean secureBroker(String mode) {
    return switch (mode.trim().toLowerCase(Locale.ROOT)) {
      case "plaintext" -> false;
      case "sasl_ssl" -> true;
      default -> throw new IllegalArgumentException("plaintext or sasl_ssl, not " + mode);
    };
  }

  /**
   * The settings of each node of the embedded broker: the first as configured, the others on the
   * ports after it and in their own data directories.
   */
  public List<BrokerSettings> brokerNodeSettings() {
    if (brokerNodes == 1) {
      return List.of(broker);
    }
    List<BrokerSettings> nodes = new ArrayList<>();
    for (int node = 1; node <= brokerNodes; node++) {
      int offset = 2 * (node - 1);
      nodes.add(
          new BrokerSettings(
              broker.dataDir().resolve("node-" + node),
              broker.port() + offset,
              broker.controllerPort() + offset,
              broker.maxHeap(),
              broker.startTimeout()));
    }
    return nodes;
  }

  private static TopicDefaults readTopics(Settings settings, int defaultReplication) {
    int partitions =
        settings.integer(
            "topics.partitions",
            6,
            1,
            10_000,
            "Partitions of each aggregate type's topics: the most instances that can share the"
                + " work. Fixed once the topics exist.");
    int replication =
        settings.integer(
            "topics.replication.factor",
            defaultReplication,
            1,
            16,
            "Copies of each partition the cluster keeps; 3 in production (and by default on an"
                + " embedded broker of three nodes or more).");
    return new TopicDefaults(partitions, (short) replication);
  }
}
