package io.cairn.avro.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Confluent's Schema Registry REST protocol over java.net.http: JSON in and out with the registry's
 * media type, basic auth, TLS, timeouts, and retries of 5xx answers and connection failures over
 * every configured URL.
 */
final class RegistryHttp {
  static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      MEDIA_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

  private final RegistryClientConfig config;
  private final HttpClient client;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Optional<String> authorization;

  RegistryHttp(RegistryClientConfig config) {
    this.config = config;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.connectTimeout());
    config
        .sslContext()
        .or(() -> config.tls().map(RegistryHttp::sslContext))
        .ifPresent(builder::sslContext);
    this.client = builder.build();
    this.authorization =
        config
            .userInfo()
            .map(
                info ->
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(info.getBytes(StandardCharsets.UTF_8)));
  }

  /** GETs a path and returns the JSON answer. */
  JsonNode get(String path) {
    return send("GET", path, null);
  }

  /** POSTs a JSON body to a path and returns the JSON answer. */
  JsonNode post(String path, Object body) {
    return send("POST", path, body);
  }

  private JsonNode send(String method, String path, Object body) {
    SchemaRegistryException last = null;
    for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
      if (attempt > 0) {
        LockSupport.parkNanos(FIRST_BACKOFF.multipliedBy(1L << (attempt - 1)).toNanos());
      }
      for (URI base : config.urls()) {
        try {
          return attempt(method, base, path, body);
        } catch (RetriableFailure e) {
          last = e.failure;
        }
      }
    }
    throw last;
  }

  private JsonNode attempt(String method, URI base, String path, Object body)
      throws RetriableFailure {
    HttpResponse<InputStream> response;
    try {
      HttpRequest request = request(method, URI.create(base + path), body);
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException | IllegalArgumentException e) {
      throw new RetriableFailure(
          new SchemaRegistryException(
              0, 0, "cannot reach the schema registry at " + base + ": " + e, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException(0, 0, "interrupted while calling the schema registry", e);
    }
    JsonNode answer = read(response);
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return answer;
    }
    int code = answer.path("error_code").asInt(status);
    String message = answer.path("message").asText("HTTP " + status);
    SchemaRegistryException failure =
        new SchemaRegistryException(
            status,
            code,
            "schema registry "
                + base
                + " answered "
                + method
                + " "
                + path
                + " with "
                + status
                + " (error "
                + code
                + "): "
                + message,
            null);
    if (status >= 500) {
      throw new RetriableFailure(failure);
    }
    throw failure;
  }

  private HttpRequest request(String method, URI uri, Object body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri).timeout(config.requestTimeout()).header("Accept", ACCEPT);
    authorization.ifPresent(value -> builder.header("Authorization", value));
    if (body == null) {
      return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    try {
      return builder
          .header("Content-Type", MEDIA_TYPE)
          .method(method, HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)))
          .build();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a registry request as JSON", e);
    }
  }

  private JsonNode read(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      byte[] bytes = in.readAllBytes();
      return bytes.length == 0 ? mapper.nullNode() : mapper.readTree(bytes);
    } catch (IOException e) {
      return mapper.nullNode(); // not JSON: the status alone speaks
    }
  }

  private static SSLContext sslContext(RegistryClientConfig.TlsStores tls) {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(tls.trustStore().map(RegistryHttp::load).orElse(null));
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      KeyStore keyStore = tls.keyStore().map(RegistryHttp::load).orElse(null);
      char[] keyPassword =
          tls.keyPassword()
              .or(() -> tls.keyStore().flatMap(RegistryClientConfig.Store::password))
              .map(String::toCharArray)
              .orElse(null);
      keys.init(keyStore, keyPassword);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyStore == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot set up TLS to the schema registry: " + e, e);
    }
  }

  private static KeyStore load(RegistryClientConfig.Store store) {
    try (InputStream in = Files.newInputStream(store.location())) {
      KeyStore keyStore = KeyStore.getInstance(store.type());
      keyStore.load(in, store.password().map(String::toCharArray).orElse(null));
      return keyStore;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot load the key store " + store.location() + ": " + e, e);
    }
  }

  /** A failure worth another try: a 5xx, or no connection. */
  private static final class RetriableFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient SchemaRegistryException failure;

    RetriableFailure(SchemaRegistryException failure) {
      super(failure.getMessage(), null, false, false);
      this.failure = failure;
    }
  }
}
