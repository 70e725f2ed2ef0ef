package io.cairn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every way a request fails ends in the one error shape, with the right status, over real HTTP. */
class ErrorResponsesTest {
  private static final ObjectMapper mapper = Json.newMapper();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static Javalin server;

  @BeforeAll
  static void start() {
    server =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.jsonMapper(new JavalinJackson(mapper, false));
                  ErrorResponses.install(config, mapper);
                  config.routes.get(
                      "/conflict",
                      ctx -> {
                        throw new ApiException(
                            409, "version_conflict", "Version 3 expected.", Map.of("actual", 4));
                      });
                  config.routes.get(
                      "/bad",
                      ctx -> {
                        throw new BadRequestResponse("The id is malformed.");
                      });
                  config.routes.get(
                      "/bug",
                      ctx -> {
                        throw new IllegalStateException("secret internal detail");
                      });
                })
            .start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void shouldAnswerApiExceptionWithItsStatusCodeAndDetails() throws Exception {
    HttpResponse<String> response = get("/conflict");

    assertThat(response.statusCode()).isEqualTo(409);
    JsonNode body = mapper.readTree(response.body());
    assertThat(body.get("error").asText()).isEqualTo("version_conflict");
    assertThat(body.get("message").asText()).isEqualTo("Version 3 expected.");
    assertThat(body.get("details").get("actual").asInt()).isEqualTo(4);
  }

  @Test
  void shouldGiveFrameworkErrorsTheSameShape() throws Exception {
    HttpResponse<String> response = get("/bad");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(fields(response)).containsExactly("error", "message", "details");
    assertThat(mapper.readTree(response.body()).get("error").asText()).isEqualTo("bad_request");
  }

  @Test
  void shouldAnswerUnknownRouteWithNotFound() throws Exception {
    HttpResponse<String> response = get("/nowhere");

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode body = mapper.readTree(response.body());
    assertThat(body.get("error").asText()).isEqualTo("not_found");
    assertThat(body.get("message").asText()).contains("GET /nowhere");
  }

  @Test
  void shouldHideUnexpectedFailureBehindReference() throws Exception {
    HttpResponse<String> response = get("/bug");

    assertThat(response.statusCode()).isEqualTo(500);
    JsonNode body = mapper.readTree(response.body());
    assertThat(body.get("error").asText()).isEqualTo("internal_error");
    assertThat(body.get("details").get("reference").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("secret internal detail", "IllegalStateException");
  }

  @Test
  void shouldAnswerMalformedRequestLineWithJsonAndNoStackTrace() throws Exception {
    String raw = rawRequest("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(raw).startsWith("HTTP/1.1 400");
    String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
    assertThat(mapper.readTree(body).get("error").asText()).isEqualTo("bad_request");
    assertThat(raw).doesNotContain("at org.eclipse", "<html");
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Iterable<String> fields(HttpResponse<String> response) throws IOException {
    return () -> readTree(response).fieldNames();
  }

  private static JsonNode readTree(HttpResponse<String> response) {
    try {
      return mapper.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  private static String rawRequest(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
