package io.cairn.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.web.auth.Access;
import io.cairn.web.auth.AccessControl;
import io.cairn.web.tls.ServerTls;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cairn's HTTP server: Javalin on virtual threads, Cairn's JSON conventions and its error table,
 * and the routes the caller installs. The app runs one; tests of the HTTP edges run the same.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
  private static final int HEADER_CACHE_SIZE = 64;
  private static final int ACCEPT_QUEUE_SIZE = 1_024;

  private final Javalin javalin;
  private final String host;
  private final boolean tls;

  private HttpServer(Javalin javalin, String host, boolean tls) {
    this.javalin = javalin;
    this.host = host;
    this.tls = tls;
  }

  /**
   * Where the server listens, how large a request it takes, and its TLS.
   *
   * @param host the address to bind
   * @param port the TCP port; 0 picks a free one
   * @param maxRequestBytes the largest request body accepted; a larger one is a 413
   * @param tls its key and certificates, to serve HTTPS only; empty for plain HTTP
   * @param stopGrace how long requests in flight may take to finish when the server stops; zero
   *     cuts them at once
   */
  public record Settings(
      String host, int port, int maxRequestBytes, Optional<ServerTls> tls, Duration stopGrace) {
    /** Plain HTTP, whose requests a stop cuts. */
    public Settings(String host, int port, int maxRequestBytes) {
      this(host, port, maxRequestBytes, Optional.empty(), Duration.ZERO);
    }
  }

  /**
   * Starts the server.
   *
   * @param config where to listen, and the limits
   * @param mapper the JSON mapper of every request and response
   * @param routes installs the routes
   */
  public static HttpServer start(
      Settings config, ObjectMapper mapper, Consumer<JavalinConfig> routes) {
    return start(config, mapper, Access.open(), routes);
  }

  /**
   * Starts the server, each request checked against the scopes its route declares.
   *
   * @param config where to listen, and the limits
   * @param mapper the JSON mapper of every request and response
   * @param access who may call it: clients by their tokens, other instances by their signatures
   * @param routes installs the routes, each with the {@link io.cairn.web.auth.Scope}s it needs
   */
  public static HttpServer start(
      Settings config, ObjectMapper mapper, Access access, Consumer<JavalinConfig> routes) {
    Javalin javalin =
        configured(
            config.maxRequestBytes(),
            mapper,
            access,
            config.tls(),
            javalinConfig -> {
              if (config.stopGrace().isPositive()) {
                GracefulStop.install(javalinConfig, config.stopGrace());
              }
              routes.accept(javalinConfig);
            });
    javalin.start(config.host(), config.port());
    return new HttpServer(javalin, config.host(), config.tls().isPresent());
  }

  /**
   * The server as configured, not started: what {@link #start} runs, and what tests of the HTTP
   * edges start on a free port of their own.
   *
   * @param maxRequestBytes the largest request body accepted; a larger one is a 413
   * @param mapper the JSON mapper of every request and response
   * @param routes installs the routes
   */
  public static Javalin configured(
      int maxRequestBytes, ObjectMapper mapper, Consumer<JavalinConfig> routes) {
    return configured(maxRequestBytes, mapper, Access.open(), routes);
  }

  /**
   * The server as configured, with its requests authenticated, not started.
   *
   * @param maxRequestBytes the largest request body accepted; a larger one is a 413
   * @param mapper the JSON mapper of every request and response
   * @param access who may call it: clients by their tokens, other instances by their signatures
   * @param routes installs the routes
   */
  public static Javalin configured(
      int maxRequestBytes, ObjectMapper mapper, Access access, Consumer<JavalinConfig> routes) {
    return configured(maxRequestBytes, mapper, access, Optional.empty(), routes);
  }

  /**
   * The server as configured, with its requests authenticated, on TLS when it has a key, not
   * started.
   *
   * @param tls its key and certificates, to serve HTTPS only; empty for plain HTTP
   */
  public static Javalin configured(
      int maxRequestBytes,
      ObjectMapper mapper,
      Access access,
      Optional<ServerTls> tls,
      Consumer<JavalinConfig> routes) {
    return Javalin.create(
        javalinConfig -> {
          javalinConfig.startup.showJavalinBanner = false;
          javalinConfig.startup.showOldJavalinVersionWarning = false;
          // Handlers that wait on Kafka park a virtual thread, not a platform thread.
          javalinConfig.concurrency.useVirtualThreads = true;
          javalinConfig.http.maxRequestSize = maxRequestBytes;
          // Jetty gives every connection its own header cache, about 60 KiB with the default
          // size: a burst of a few thousand clients then costs hundreds of MiB of heap. A small
          // cache still holds the few headers a Cairn client repeats.
          javalinConfig.jetty.modifyHttpConfiguration(
              http -> http.setHeaderCacheSize(HEADER_CACHE_SIZE));
          // The JDK's default listen backlog is 50 connections: a burst of clients connecting at
          // once while the machine is busy overflows it. The connector is made when the server
          // starts, so its queue is set then.
          JettyConnectors.each(
              javalinConfig,
              connector -> {
                connector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
                tls.ifPresent(keys -> keys.serveOn(connector));
              });
          javalinConfig.jsonMapper(new JavalinJackson(mapper, false));
          ErrorResponses.install(javalinConfig, mapper);
          RequestLogContext.install(javalinConfig);
          AccessControl.install(javalinConfig, access);
          routes.accept(javalinConfig);
        });
  }

  /** The base address of the API, with the port actually bound. */
  public URI uri() {
    String shown = host.equals("0.0.0.0") ? "127.0.0.1" : host;
    return URI.create((tls ? "https" : "http") + "://" + shown + ":" + javalin.port());
  }

  @Override
  public void close() {
    try {
      javalin.stop();
    } catch (RuntimeException e) {
      if (!(e.getCause() instanceof TimeoutException)) {
        throw e;
      }
      log.warn("Requests still in flight when the stop's grace ran out were cut");
    }
  }
}
