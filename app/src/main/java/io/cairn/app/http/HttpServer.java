package io.cairn.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.app.config.HttpConfig;
import io.cairn.web.ErrorResponses;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.util.function.Consumer;

/**
 * The app's one HTTP server: Javalin on virtual threads, Cairn's JSON conventions and its error
 * table, and the routes the caller installs.
 */
public final class HttpServer implements AutoCloseable {
  private static final int HEADER_CACHE_SIZE = 64;

  private final Javalin javalin;
  private final String host;

  private HttpServer(Javalin javalin, String host) {
    this.javalin = javalin;
    this.host = host;
  }

  /**
   * Starts the server.
   *
   * @param config where to listen, and the limits
   * @param mapper the JSON mapper of every request and response
   * @param routes installs the routes
   */
  public static HttpServer start(
      HttpConfig config, ObjectMapper mapper, Consumer<JavalinConfig> routes) {
    Javalin javalin =
        Javalin.create(
            javalinConfig -> {
              javalinConfig.startup.showJavalinBanner = false;
              javalinConfig.startup.showOldJavalinVersionWarning = false;
              // Handlers that wait on Kafka park a virtual thread, not a platform thread.
              javalinConfig.concurrency.useVirtualThreads = true;
              javalinConfig.http.maxRequestSize = config.maxRequestBytes();
              // Jetty gives every connection its own header cache, about 60 KiB with the default
              // size: a burst of a few thousand clients then costs hundreds of MiB of heap. A small
              // cache still holds the few headers a Cairn client repeats.
              javalinConfig.jetty.modifyHttpConfiguration(
                  http -> http.setHeaderCacheSize(HEADER_CACHE_SIZE));
              javalinConfig.jsonMapper(new JavalinJackson(mapper, false));
              ErrorResponses.install(javalinConfig, mapper);
              routes.accept(javalinConfig);
            });
    javalin.start(config.host(), config.port());
    return new HttpServer(javalin, config.host());
  }

  /** The base address of the API, with the port actually bound. */
  public URI uri() {
    String shown = host.equals("0.0.0.0") ? "127.0.0.1" : host;
    return URI.create("http://" + shown + ":" + javalin.port());
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
