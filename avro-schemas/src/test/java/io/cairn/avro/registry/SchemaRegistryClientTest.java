package io.cairn.avro.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cairn.avro.carts.CartEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's transport against a registry that demands basic auth and fails now and then: the
 * JDK's own HTTP server, answering as Confluent's registry does.
 */
class SchemaRegistryClientTest {
  private static final String CREDENTIALS = "cairn:s3cret";
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/schemas/ids/1", this::answerSchema);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void shouldSendBasicAuthFromUserInfo() {
    SchemaRegistryClient client =
        new SchemaRegistryClient(
            RegistryClientConfig.from(
                Map.of(
                    "schema.registry.url",
                    url(),
                    "basic.auth.credentials.source",
                    "USER_INFO",
                    "basic.auth.user.info",
                    CREDENTIALS)));

    assertThat(client.schemaById(1)).isEqualTo(CartEvent.getClassSchema());
  }

  @Test
  void shouldTakeCredentialsFromTheUrlWhenToldTo() {
    String withUser = url().replace("http://", "http://" + CREDENTIALS + "@");
    SchemaRegistryClient client =
        new SchemaRegistryClient(
            RegistryClientConfig.from(
                Map.of("schema.registry.url", withUser, "basic.auth.credentials.source", "URL")));

    assertThat(client.schemaById(1)).isEqualTo(CartEvent.getClassSchema());
  }

  @Test
  void shouldReportRefusalWithConfluentErrorCode() {
    SchemaRegistryClient client =
        new SchemaRegistryClient(RegistryClientConfig.of(URI.create(url())));

    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("401")
        .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40101));
  }

  @Test
  void shouldRetryServerErrorsAndMoveOnFromUnreachableUrls() throws IOException {
    failuresLeft.set(2);
    String unreachable;
    try (var socket = new java.net.ServerSocket(0)) {
      unreachable = "http://127.0.0.1:" + socket.getLocalPort();
    }
    SchemaRegistryClient client =
        new SchemaRegistryClient(
            RegistryClientConfig.from(
                Map.of(
                    "schema.registry.url",
                    unreachable + "," + url(),
                    "basic.auth.user.info",
                    CREDENTIALS,
                    "schema.registry.max.retries",
                    "3")));

    assertThat(client.schemaById(1)).isEqualTo(CartEvent.getClassSchema());
    assertThat(failuresLeft.get()).isZero();
  }

  @Test
  void shouldGiveUpAfterTheConfiguredRetries() {
    failuresLeft.set(10);
    SchemaRegistryClient client =
        new SchemaRegistryClient(
            RegistryClientConfig.from(
                Map.of(
                    "schema.registry.url",
                    url(),
                    "basic.auth.user.info",
                    CREDENTIALS,
                    "schema.registry.max.retries",
                    "1")));

    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("503");
    assertThat(failuresLeft.get()).isEqualTo(8);
  }

  @Test
  void shouldNameTheMissingOrMalformedKey() {
    assertThatThrownBy(() -> RegistryClientConfig.from(Map.of()))
        .hasMessageContaining("schema.registry.url is required");
    assertThatThrownBy(
            () -> RegistryClientConfig.from(Map.of("schema.registry.url", "registry:8081")))
        .hasMessageContaining("schema.registry.url");
    assertThatThrownBy(
            () ->
                RegistryClientConfig.from(
                    Map.of(
                        "schema.registry.url",
                        url(),
                        "basic.auth.credentials.source",
                        "SASL_INHERIT")))
        .hasMessageContaining("basic.auth.credentials.source");
  }

  private void answerSchema(HttpExchange exchange) throws IOException {
    String expected =
        "Basic " + Base64.getEncoder().encodeToString(CREDENTIALS.getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      RegistryAnswers.respond(exchange, 401, "{\"error_code\":40101,\"message\":\"Unauthorized\"}");
    } else if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      RegistryAnswers.respond(exchange, 503, "{\"error_code\":50301,\"message\":\"busy\"}");
    } else {
      RegistryAnswers.respond(exchange, 200, RegistryAnswers.schema(CartEvent.getClassSchema()));
    }
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
