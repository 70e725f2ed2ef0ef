package io.cairn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stopping the server lets a request in flight finish with its own answer, rather than cutting it
 * with an error of the server's, while no new connection is taken.
 */
class GracefulStopTest {
  @Test
  void aRequestInFlightFinishesWhileTheServerStops() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HttpServer server =
        HttpServer.start(
            new HttpServer.Settings("127.0.0.1", 0, 1024, Optional.empty(), Duration.ofSeconds(15)),
            Json.newMapper(),
            config ->
                config.routes.get(
                    "/slow",
                    ctx -> {
                      entered.countDown();
                      release.await(30, TimeUnit.SECONDS);
                      ctx.result("done");
                    }));
    int port = server.uri().getPort();
    CompletableFuture<HttpResponse<String>> slow =
        HttpClient.newHttpClient()
            .sendAsync(
                HttpRequest.newBuilder(server.uri().resolve("/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    Thread stopping = Thread.ofVirtual().start(server::close);
    await().atMost(Duration.ofSeconds(10)).until(() -> !accepts(port));
    release.countDown();

    HttpResponse<String> answer = slow.get(10, TimeUnit.SECONDS);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("done");
    assertThat(stopping.join(Duration.ofSeconds(20))).as("stopped once it finished").isTrue();
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
