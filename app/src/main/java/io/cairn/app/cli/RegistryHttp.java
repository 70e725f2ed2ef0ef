package io.cairn.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * A schema registry's REST API as the schemas commands call it, Confluent's, so that an export from
 * one registry imports into another: basic authentication when a user is given, the registry's own
 * certificate trusted when it has one.
 */
final class RegistryHttp {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

  private final URI base;
  private final Optional<String> authorization;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  RegistryHttp(URI base, Optional<String> userInfo, Optional<SSLContext> trust) {
    this.base = URI.create(base.toString().replaceFirst("/+$", "") + "/");
    this.authorization =
        userInfo.map(
            user ->
                "Basic "
                    + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    trust.ifPresent(builder::sslContext);
    this.http = builder.build();
  }

  /** GETs a path; empty when the registry answers 404. */
  Optional<JsonNode> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET(), true);
  }

  /** PUTs or POSTs a JSON body to a path, and answers the registry's answer. */
  JsonNode write(String method, String path, Object body) throws IOException, InterruptedException {
    HttpRequest.BodyPublisher content =
        HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
    return send(request(path).method(method, content).header("Content-Type", MEDIA_TYPE), false)
        .orElseThrow();
  }

  /** A subject as a path segment. */
  static String segment(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Accept", MEDIA_TYPE);
    authorization.ifPresent(value -> request.header("Authorization", value));
    return request;
  }

  private Optional<JsonNode> send(HttpRequest.Builder request, boolean absentIsEmpty)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (absentIsEmpty && response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          "the registry at "
              + base
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return Optional.of(json.readTree(response.body()));
  }
}
