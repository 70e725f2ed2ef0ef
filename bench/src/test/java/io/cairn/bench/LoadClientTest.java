package io.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadClientTest {
  private final CountDownLatch released = new CountDownLatch(1);
  private final String expectedBody = "{\"text\":\"" + "é".repeat(10_000) + "\"}";
  private HttpServer server;
  private URI api;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/sized", exchange -> answer(exchange, 200, "{\"ok\":true}".getBytes()));
    server.createContext("/chunked", exchange -> answer(exchange, 201, null));
    server.createContext("/echo", this::echoBody);
    server.createContext("/closing", this::closing);
    server.createContext("/stalled", this::stalled);
    server.start();
    api = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stopServer() {
    released.countDown();
    server.stop(0);
  }

  @Test
  void shouldReadStatusesOfSizedAndChunkedAnswersOnKeptAliveConnections() throws Exception {
    try (LoadClient load = new LoadClient(api, 4, Duration.ofSeconds(10))) {
      List<CompletableFuture<Integer>> answers =
          IntStream.range(0, 200)
              .mapToObj(i -> i % 2 == 0 ? load.get("/sized") : load.get("/chunked"))
              .toList();

      assertThat(answers.stream().map(CompletableFuture::join).distinct())
          .containsExactlyInAnyOrder(200, 201);
    }
  }

  @Test
  void shouldSendThePostBodyWhole() throws Exception {
    try (LoadClient load = new LoadClient(api, 2, Duration.ofSeconds(10))) {
      assertThat(load.post("/echo", expectedBody).get(10, TimeUnit.SECONDS)).isEqualTo(200);
      assertThat(load.post("/echo", "{}").get(10, TimeUnit.SECONDS)).isEqualTo(400);
    }
  }

  @Test
  void shouldOpenANewConnectionWhenTheServerClosesOne() throws Exception {
    try (LoadClient load = new LoadClient(api, 1, Duration.ofSeconds(10))) {
      for (int i = 0; i < 5; i++) {
        assertThat(load.get("/closing").get(10, TimeUnit.SECONDS)).isEqualTo(200);
      }
    }
  }

  @Test
  void shouldFailARequestUnansweredWithinTheTimeout() throws Exception {
    try (LoadClient load = new LoadClient(api, 1, Duration.ofMillis(300))) {
      CompletableFuture<Integer> stalled = load.get("/stalled");

      assertThatThrownBy(() -> stalled.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TimeoutException.class);
      released.countDown();
      assertThat(load.get("/sized").get(10, TimeUnit.SECONDS)).isEqualTo(200);
    }
  }

  @Test
  void shouldFailRequestsWhenNothingListens() throws Exception {
    server.stop(0);
    try (LoadClient load = new LoadClient(api, 2, Duration.ofSeconds(10))) {
      assertThatThrownBy(() -> load.get("/sized").get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(IOException.class);
    }
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getRequestBody().readAllBytes();
    // A length of 0 makes the JDK's server answer in chunks.
    exchange.sendResponseHeaders(status, body == null ? 0 : body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body == null ? "{\"chunked\":true}".getBytes() : body);
    }
  }

  private void echoBody(HttpExchange exchange) throws IOException {
    String received = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    boolean json = "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
    answer(exchange, json && received.equals(expectedBody) ? 200 : 400, new byte[0]);
  }

  private void closing(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Connection", "close");
    answer(exchange, 200, new byte[0]);
  }

  private void stalled(HttpExchange exchange) throws IOException {
    try {
      released.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    answer(exchange, 200, new byte[0]);
  }
}
