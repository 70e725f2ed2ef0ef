package io.cairn.app.write;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.app.contract.OpenApiConformance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Sends commands and queries to the HTTP API as a client would, and reads the answers. */
public final class CommandClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;
  // Read from the app on its first answer; the same document for every later one.
  private OpenApiConformance conformance;

  public CommandClient(URI base) {
    this.base = base;
  }

  /** An answer: status, headers that matter, and the JSON body. */
  public record Answer(int status, String etag, boolean replayed, String body, String retryAfter) {
    /** An answer without a Retry-After. */
    public Answer(int status, String etag, boolean replayed, String body) {
      this(status, etag, replayed, body, null);
    }

    /** The body as JSON. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    /** The error code of an error answer. */
    public String error() {
      return json().path("error").asText();
    }
  }

  Answer send(String type, String id, String body, Map<String, String> headers) {
    return sendAsync(type, id, body, headers).join();
  }

  /** Sends a command and waits for its answer. */
  public Answer send(String type, String id, String commandType, String payload) {
    return send(
        type, id, "{\"type\":\"" + commandType + "\",\"payload\":" + payload + "}", Map.of());
  }

  /** Sends a command with its body and headers as given; the answer comes when it comes. */
  public CompletableFuture<Answer> sendAsync(
      String type, String id, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/api/v1/" + type + "/" + id + "/commands"))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (!headers.containsKey("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(
            response ->
                new Answer(
                    conforming(response, Optional.of(body)).statusCode(),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Idempotent-Replayed").isPresent(),
                    response.body(),
                    response.headers().firstValue("Retry-After").orElse(null)));
  }

  /** The answer, once it is found to be as the app's OpenAPI document says. */
  private HttpResponse<String> conforming(HttpResponse<String> response) {
    return conforming(response, Optional.empty());
  }

  /** The app's document, read once, on the first answer, when the app is surely up. */
  private synchronized OpenApiConformance conformance() {
    if (conformance == null) {
      conformance = OpenApiConformance.servedBy(http, base);
    }
    return conformance;
  }

  private HttpResponse<String> conforming(
      HttpResponse<String> response, Optional<String> requestBody) {
    conformance()
        .check(
            response.request().method(),
            response.request().uri(),
            requestBody,
            response.statusCode(),
            response.headers().firstValue("Content-Type"),
            response.body());
    return response;
  }

  /** GETs a path of the API. */
  public Answer get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build();
    HttpResponse<String> response =
        conforming(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join());
    return new Answer(response.statusCode(), null, false, response.body());
  }

  /** POSTs to a path of the API without a body. */
  public Answer post(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> response =
        conforming(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join());
    return new Answer(response.statusCode(), null, false, response.body());
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The dead-letter queue's entry of a record key, once it is there. */
  public JsonNode awaitDeadLetter(String key) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              for (JsonNode item : get("/api/v1/dlq?limit=1000").json().get("items")) {
                if (key.equals(item.path("key").asText())) {
                  return item;
                }
              }
              return null;
            },
            entry -> entry != null);
  }
}
