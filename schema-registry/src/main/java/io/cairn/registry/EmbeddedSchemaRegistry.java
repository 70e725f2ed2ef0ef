package io.cairn.registry;

import io.cairn.kafka.client.KafkaConnection;
import io.cairn.web.JettyConnectors;
import io.cairn.web.tls.ServerTls;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Confluent-compatible Schema Registry served by the app itself, for the default set-up: the REST
 * API of Confluent's registry on its own port, with its schemas kept in a Kafka topic, so that ids
 * survive restarts and every instance on the cluster hands out the same ids.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
  /** The media type of Confluent's API. */
  static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);

  private final RegistryLog registryLog;
  private final Javalin server;
  private final String host;
  private final boolean tls;

  /**
   * Where the registry listens and keeps its schemas.
   *
   * @param host the address to bind
   * @param port the port; 0 picks a free one
   * @param topic the single-partition topic of the registry's log, created beforehand
   * @param defaultLevel the global compatibility level until one is set
   * @param timeout how long a write to, or a read of, the log may take
   * @param users who may use it
   * @param writesNeedAdmin whether writes need an admin even without a users file: the app's own
   *     API authenticates, so its contract must not be open to change
   * @param tls its key and certificates, to serve HTTPS only; empty for plain HTTP
   */
  public record Settings(
      String host,
      int port,
      String topic,
      CompatibilityLevel defaultLevel,
      Duration timeout,
      RegistryUsers users,
      boolean writesNeedAdmin,
      Optional<ServerTls> tls) {}

  private EmbeddedSchemaRegistry(
      RegistryLog registryLog, Javalin server, String host, boolean tls) {
    this.registryLog = registryLog;
    this.server = server;
    this.host = host;
    this.tls = tls;
  }

  /** Reads the whole log, then serves the API. */
  public static EmbeddedSchemaRegistry start(Settings settings, KafkaConnection kafka) {
    SchemaState state = new SchemaState(settings.defaultLevel());
    RegistryLog registryLog = new RegistryLog(kafka, settings.topic(), state, settings.timeout());
    try {
      registryLog.start();
      RegistryRoutes routes = new RegistryRoutes(new SchemaRegistryService(state, registryLog));
      Javalin server =
          Javalin.create(
                  config -> {
                    config.startup.showJavalinBanner = false;
                    config.startup.showOldJavalinVersionWarning = false;
                    config.concurrency.useVirtualThreads = true;
                    config.routes.exception(RegistryError.class, EmbeddedSchemaRegistry::refuse);
                    config.routes.exception(
                        HttpResponseException.class, EmbeddedSchemaRegistry::http);
                    config.routes.exception(Exception.class, EmbeddedSchemaRegistry::unexpected);
                    config.jetty.modifyServer(jetty -> jetty.setErrorHandler(quietErrors()));
                    settings.tls().ifPresent(keys -> JettyConnectors.each(config, keys::serveOn));
                    new RegistryAccess(settings.users(), settings.writesNeedAdmin())
                        .install(config.routes);
                    routes.install(config.routes);
                  })
              .start(settings.host(), settings.port());
      return new EmbeddedSchemaRegistry(
          registryLog, server, settings.host(), settings.tls().isPresent());
    } catch (RuntimeException e) {
      registryLog.close();
      throw e;
    }
  }

  /** The registry's base URL, for clients and for schema.registry.url. */
  public URI uri() {
    String shown = host.equals("0.0.0.0") ? "127.0.0.1" : host;
    return URI.create((tls ? "https" : "http") + "://" + shown + ":" + server.port());
  }

  /** Whether the registry still reads its log, as the process's liveness asks. */
  public boolean readingItsLog() {
    return registryLog.alive();
  }

  @Override
  public void close() {
    server.stop();
    registryLog.close();
  }

  private static void refuse(RegistryError error, Context ctx) {
    send(ctx, error.status(), error.errorCode(), error.getMessage());
  }

  private static void http(HttpResponseException error, Context ctx) {
    send(
        ctx,
        error.getStatus(),
        error.getStatus(),
        "HTTP " + error.getStatus() + ": " + error.getMessage());
  }

  private static void unexpected(Exception error, Context ctx) {
    String reference = UUID.randomUUID().toString();
    log.error(
        "Schema registry failed on {} {} (reference {})",
        ctx.method(),
        ctx.path(),
        reference,
        error);
    send(
        ctx,
        500,
        50001,
        "Error in the schema registry; it is logged with reference " + reference + ".");
  }

  private static void send(Context ctx, int status, int code, String message) {
    ctx.status(status).json(Map.of("error_code", code, "message", message)).contentType(MEDIA_TYPE);
  }

  private static ErrorHandler quietErrors() {
    ErrorHandler handler = new ErrorHandler();
    handler.setShowStacks(false);
    handler.setShowCauses(false);
    return handler;
  }
}
