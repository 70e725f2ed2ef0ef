package io.cairn.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.analytics.ReportTopics;
import io.cairn.analytics.ReportTopology;
import io.cairn.analytics.changes.ReportFeeds;
import io.cairn.app.config.CairnConfig;
import io.cairn.app.config.HttpConfig;
import io.cairn.app.config.PaymentsConfig;
import io.cairn.app.contract.ApiDocument;
import io.cairn.app.contract.ContractRoutes;
import io.cairn.app.contract.DeclaredContract;
import io.cairn.app.health.HealthRoutes;
import io.cairn.app.health.ReadinessProbe;
import io.cairn.app.health.Worker;
import io.cairn.app.http.ApiRoutes;
import io.cairn.app.metrics.MeteredParts;
import io.cairn.app.metrics.Metrics;
import io.cairn.app.metrics.MetricsRoutes;
import io.cairn.avro.contract.Contract;
import io.cairn.avro.personal.SealedValues;
import io.cairn.commerce.Commerce;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.reaction.Inbox;
import io.cairn.core.reaction.ProcessManager;
import io.cairn.core.report.Report;
import io.cairn.core.view.Projection;
import io.cairn.dashboard.DashboardRoutes;
import io.cairn.engine.commands.CommandProcessors;
import io.cairn.engine.commands.CommandTopology;
import io.cairn.engine.commands.rebuild.StoreCheck;
import io.cairn.engine.deadletters.DeadLetterQueue;
import io.cairn.engine.effects.Effects;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.engine.peers.Peers;
import io.cairn.engine.reactions.Reactions;
import io.cairn.engine.sync.SyncMonitor;
import io.cairn.engine.views.ReadSide;
import io.cairn.engine.views.ReadSideSetup;
import io.cairn.gateway.CommandGateway;
import io.cairn.gateway.CommandRoutes;
import io.cairn.gateway.Processing;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.embedded.EmbeddedBroker;
import io.cairn.kafka.embedded.EmbeddedCluster;
import io.cairn.kafka.personal.KafkaKeyVault;
import io.cairn.kafka.topics.CairnTopics;
import io.cairn.kafka.topics.ContractTopics;
import io.cairn.provider.HttpPaymentProvider;
import io.cairn.provider.SimulatedPaymentProvider;
import io.cairn.queries.QueryApi;
import io.cairn.queries.QueryServer;
import io.cairn.queries.QuerySettings;
import io.cairn.queries.deadletters.DeadLetterRoutes;
import io.cairn.queries.reports.ReportCatalog;
import io.cairn.queries.reports.ReportReads;
import io.cairn.queries.reports.ReportStreams;
import io.cairn.web.HttpMetrics;
import io.cairn.web.HttpServer;
import io.cairn.web.Json;
import io.cairn.web.SealedAnswers;
import io.cairn.web.auth.Access;
import io.cairn.web.auth.ClusterSecret;
import io.cairn.web.tls.ServerTls;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running application, wired: the embedded broker (unless an external cluster is configured),
 * the declared topics, the schema registry (embedded unless an external one is configured) holding
 * the contract's schemas, the command processors and the gateway, the views and the query server,
 * and the HTTP API, started in that order and stopped in the reverse one.
 */
public final class CairnApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CairnApp.class);
  private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration STORE_CHECK_TIMEOUT = Duration.ofSeconds(30);
  // The newest entries each instance lists; older ones stay in the topic and in the counts.
  private static final int DEAD_LETTERS_LISTED = 10_000;
  // How many changes a report stream may fall behind before it is cut off, and how long one that
  // resumes may take to catch up.
  private static final int STREAM_BUFFER = 1_000;
  private static final Duration STREAM_CATCH_UP = Duration.ofMinutes(1);

  private final Resources resources;
  private final HttpServer http;
  private final KafkaConnection kafka;
  private final Optional<EmbeddedBroker> broker;
  private final Optional<EmbeddedCluster> cluster;
  private final URI registryUri;
  private final boolean embeddedRegistry;

  private CairnApp(
      Resources resources,
      HttpServer http,
      KafkaConnection kafka,
      Optional<EmbeddedBroker> broker,
      Optional<EmbeddedCluster> cluster,
      URI registryUri,
      boolean embeddedRegistry) {
    this.resources = resources;
    this.http = http;
    this.kafka = kafka;
    this.broker = broker;
    this.cluster = cluster;
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
      Metrics metrics = resources.add(Metrics.start());
      List<AggregateType<?, ?, ?>> types =
          Commerce.aggregateTypes(config.reactions().subscriptionMinInterval());
      List<Projection<?>> projections = Commerce.projections();
      List<Report<?, ?>> declaredReports = Commerce.reports(config.reports().cartSessionGap());
      List<ProcessManager<?, ?>> managers =
          Commerce.processManagers(
              config.reactions().shipWithin(), config.payments().authorizationTimeout());
      Contract contract = Contract.load();
      List<BoundAggregate<?, ?, ?>> aggregates = BoundAggregate.all(types, contract);
      DeclaredContract published = DeclaredContract.of(config, types, declaredReports, contract);
      Foundation foundation =
          resources.add(Foundation.start(config, types, published, httpConfig.tls()));
      Optional<EmbeddedBroker> broker = foundation.broker();
      KafkaConnection kafka = foundation.kafka();
      Admin admin = foundation.admin();
      CairnTopics declared = foundation.topics().declared();
      List<Worker> workers = new ArrayList<>(foundation.workers());
      KafkaKeyVault vault = foundation.vault();
      ObjectMapper answers = Json.newMapper();
      SealedAnswers sealed = json -> SealedValues.open(vault, answers, json);
      URI registryUri = foundation.registryUri();
      ContractTopics topics = foundation.topics();
      HostInfo self = new HostInfo(httpConfig.advertised(), httpConfig.port());
      Access access = config.auth().access(Clock.systemUTC(), httpConfig.rateLimit());
      Peers peers =
          new Peers(httpConfig.tls().map(ServerTls::trustingItself), access.cluster()::sign);
      if (config.auth().signsAlone()) {
        log.info(
            "Instances sign their requests to each other with a secret of this one's own:"
                + " to run more than one, give each the same cluster.secret");
      }
      Reactions reactions =
          Reactions.bind(
              new Reactions.Declared(
                  Commerce.policies(),
                  managers,
                  Commerce.inboxes(),
                  Commerce.publications(),
                  List.of(Commerce.paymentProvider())),
              aggregates,
              declared,
              // Other services act on what they are told (an email to write to): in the clear.
              data -> SealedValues.open(vault, data));
      Optional<String> held = new StoreCheck(kafka, topics, STORE_CHECK_TIMEOUT).hold(aggregates);
      CommandProcessors processors =
          resources.add(
              CommandProcessors.start(
                  config.processing().streams(),
                  config.topics(),
                  aggregates,
                  kafka,
                  topics,
                  reactions,
                  self,
                  new CommandTopology.Retention(
                      config.processing().idempotencyRetention(),
                      config.reactions().processRetention(),
                      config.reactions().inboxRetention()),
                  held));
      resources.add(
          Effects.start(
              List.of(Commerce.paymentProvider().performedBy(paymentProvider(config, resources))),
              kafka,
              topics,
              reactions.writer(),
              config.payments().retries(),
              Clock.systemUTC()));
      CommandGateway gateway =
          resources.add(
              CommandGateway.start(
                  config.processing().gateway(),
                  types,
                  contract,
                  kafka,
                  topics,
                  new Processing(processors::accepting, processors::held),
                  Clock.systemUTC(),
                  metrics.registry()));
      ReportTopology reports =
          new ReportTopology(
              declaredReports,
              config.reports().settings(),
              new ReportTopics(topics, config.reports().settings().retention()));
      ReadSide views =
          resources.add(
              ReadSide.start(
                  new ReadSideSetup(
                      config.processing().streams(),
                      config.views().settings(),
                      config.topics(),
                      aggregates,
                      projections,
                      List.of(reports),
                      kafka,
                      topics,
                      self,
                      peers),
                  admin));
      if (config.views().standbyReplicas() > 0) {
        log.info(
            "Views keep {} standby copy of each partition on other instances once they run"
                + " (views.standby.replicas), to answer from while a partition moves",
            config.views().standbyReplicas());
      }
      SyncMonitor sync =
          resources.add(
              SyncMonitor.start(
                  List.of(views.syncProbe(), processors.processesSync()),
                  config.views().lagAlert(),
                  config.views().syncCheckInterval(),
                  Clock.systemUTC()));
      // Closed before the HTTP server, once that is added, so that open streams end first.
      ReportStreams reportStreams =
          new ReportStreams(
              new ReportFeeds(kafka, ReadSide.APPLICATION_ID, STREAM_BUFFER, STREAM_CATCH_UP),
              config.reports().streams());
      QueryServer queries =
          resources.add(
              QueryServer.over(
                  views,
                  processors.streamsInstance(),
                  projections,
                  types,
                  managers,
                  new ReportReads(
                      new ReportCatalog(declaredReports, reports::activity), reportStreams),
                  querySettings(config, self, access.cluster(), peers, sealed)));
      DeadLetterQueue deadLetters =
          resources.add(
              DeadLetterQueue.start(
                  kafka, declared.deadLetters().name(), DEAD_LETTERS_LISTED, Clock.systemUTC()));
      workers.add(new Worker("dead-letter-reader", deadLetters::reading));
      workers.add(new Worker("reply-listener", gateway::listening));
      ReadinessProbe readiness =
          new ReadinessProbe(
              admin,
              READINESS_TIMEOUT,
              () ->
                  Stream.concat(
                          Stream.of(processors.streamsInstance()), views.streamsInstance().stream())
                      .toList(),
              sync::alerts,
              workers,
              Map.of(CommandProcessors.APPLICATION_ID, processors::held),
              hostedByCommands(managers, Commerce.inboxes()));
      metrics.bind(
          new MeteredParts(
              processors,
              managers.stream().map(ProcessManager::name).toList(),
              views,
              declaredReports,
              reports::activity,
              declared,
              deadLetters));
      HttpServer http =
          resources.add(
              startHttp(
                  metrics,
                  new ContractRoutes(
                      published.asyncApi(Json.newMapper(), kafka.bootstrapServers()),
                      ApiDocument.of(
                          new QueryApi.Declared(
                              projections, types, managers, declaredReports, contract))),
                  httpConfig,
                  access,
                  readiness,
                  new CommandRoutes(gateway, access.cluster(), sealed),
                  new DeadLetterRoutes(deadLetters),
                  queries));
      resources.add(reportStreams);
      return new CairnApp(
          resources,
          http,
          kafka,
          broker,
          foundation.cluster(),
          registryUri,
          config.registry().useEmbeddedRegistry());
    } catch (RuntimeException e) {
      resources.close();
      throw e;
    }
  }

  /** The process managers and inboxes, which run in the command processors' application. */
  private static Map<String, String> hostedByCommands(
      List<ProcessManager<?, ?>> managers, List<Inbox> inboxes) {
    Map<String, String> hosted = new TreeMap<>();
    managers.forEach(
        manager ->
            hosted.put("process-manager:" + manager.name(), CommandProcessors.APPLICATION_ID));
    inboxes.forEach(inbox -> hosted.put("inbox:" + inbox.name(), CommandProcessors.APPLICATION_ID));
    return hosted;
  }

  /**
   * The payment provider the payments' calls go to: the one configured, or else a simulated one
   * started in-process on a free loopback port.
   */
  private static HttpPaymentProvider paymentProvider(CairnConfig config, Resources resources) {
    PaymentsConfig payments = config.payments();
    URI url =
        payments
            .providerUrl()
            .orElseGet(
                () -> {
                  SimulatedPaymentProvider simulated =
                      resources.add(
                          SimulatedPaymentProvider.start(
                              "127.0.0.1", 0, payments.simulatedLimitMinor()));
                  log.info("Payments go to the simulated provider at {}", simulated.uri());
                  return simulated.uri();
                });
    return new HttpPaymentProvider(url, payments.callTimeout());
  }

  private static QuerySettings querySettings(
      CairnConfig config, HostInfo self, ClusterSecret cluster, Peers peers, SealedAnswers sealed) {
    return new QuerySettings(
        config.topics().partitions(),
        config.views().versionsRetention(),
        Clock.systemUTC(),
        self,
        cluster,
        peers,
        config.views().historyMaxEvents(),
        sealed);
  }

  private static HttpServer startHttp(
      Metrics metrics,
      ContractRoutes contract,
      HttpConfig httpConfig,
      Access access,
      ReadinessProbe readiness,
      CommandRoutes commands,
      DeadLetterRoutes deadLetters,
      QueryServer queries) {
    return HttpServer.start(
        httpConfig.server(),
        Json.newMapper(),
        access,
        routes -> {
          HttpMetrics.install(routes, metrics.registry());
          ApiRoutes.install(
              routes,
              new HealthRoutes(readiness),
              new MetricsRoutes(metrics),
              contract,
              commands,
              deadLetters,
              DashboardRoutes.load(),
              queries);
        });
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

  /** The embedded cluster, when the app runs one of several nodes. */
  public Optional<EmbeddedCluster> cluster() {
    return cluster;
  }

  /** The schema registry the app uses: schema.registry.url for the topics' consumers. */
  public URI registryUri() {
    return registryUri;
  }

  /** Whether the registry is the app's own. */
  public boolean hasEmbeddedRegistry() {
    return embeddedRegistry;
  }

  /**
   * Stops the HTTP API, the views, the command side, the registry, the clients, then the broker.
   */
  @Override
  public void close() {
    resources.close();
  }
}
