package io.cairn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** http.server.requests over real HTTP: by route template, never by path. */
class HttpMetricsTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private Javalin server;

  @BeforeEach
  void start() {
    server =
        HttpServer.configured(
                1024,
                Json.newMapper(),
                config -> {
                  HttpMetrics.install(config, registry);
                  config.routes.get("/api/v1/carts/{id}", ctx -> ctx.result("cart"));
                  config.routes.get(
                      "/later/{id}",
                      ctx ->
                          ctx.future(
                              () ->
                                  CompletableFuture.supplyAsync(() -> "done")
                                      .thenAccept(ctx::result)));
                })
            .start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void shouldTimeRequestsByRouteTemplateAndStatus() throws Exception {
    get("/api/v1/carts/a");
    get("/api/v1/carts/b");
    get("/later/c");
    get("/no/such/path/d");

    // The server may time a request just after its client has the answer.
    await()
        .untilAsserted(
            () -> {
              assertThat(timer("/api/v1/carts/{id}", "200", "SUCCESS").count()).isEqualTo(2);
              assertThat(timer("/later/{id}", "200", "SUCCESS").count()).isEqualTo(1);
              assertThat(timer(HttpMetrics.NO_ROUTE, "404", "CLIENT_ERROR").count()).isEqualTo(1);
              assertThat(registry.find(HttpMetrics.REQUESTS).timers()).hasSize(3);
            });
  }

  private Timer timer(String uri, String status, String outcome) {
    return registry
        .get(HttpMetrics.REQUESTS)
        .tags("uri", uri, "method", "GET", "status", status, "outcome", outcome)
        .timer();
  }

  private void get(String path) throws Exception {
    http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.discarding());
  }
}
