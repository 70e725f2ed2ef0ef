package io.cairn.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.app.config.HttpConfig;
import io.cairn.web.Json;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The HTTP server's connection limit, over real sockets. */
class HttpServerTest {

  @Test
  void shouldHoldNewConnectionsBackUntilOneUnderTheLimitCloses() throws Exception {
    HttpConfig limited = new HttpConfig("127.0.0.1", 0, 65_536, 2);
    try (HttpServer server =
            HttpServer.start(
                limited,
                Json.newMapper(),
                config -> config.routes.get("/ping", ctx -> ctx.result("pong")));
        Socket first = new Socket("127.0.0.1", server.uri().getPort());
        Socket second = new Socket("127.0.0.1", server.uri().getPort());
        HttpClient client = HttpClient.newHttpClient()) {
      CompletableFuture<HttpResponse<String>> third =
          client.sendAsync(
              HttpRequest.newBuilder(URI.create(server.uri() + "/ping")).build(),
              HttpResponse.BodyHandlers.ofString());

      // Both places are taken: the third connection is not served...
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(2))
          .until(() -> !third.isDone());
      first.close();

      // ...until one of them closes.
      HttpResponse<String> response = third.get(10, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("pong");
    }
  }
}
