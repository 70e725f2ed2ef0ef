package io.cairn.avro.registry;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.apache.kafka.common.config.ConfigException;

/**
 * How to reach a schema registry, read from the same configuration keys Confluent's clients use, so
 * that one configuration serves both.
 *
 * @param urls the registry's base URLs ({@code schema.registry.url}, comma-separated); tried in
 *     order when one cannot be reached
 * @param userInfo {@code user:password} for HTTP basic auth, when the registry wants it
 * @param tls the trust and key stores for HTTPS, when the defaults of the JVM do not do
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for an answer
 * @param maxRetries how many times a request is retried on a 5xx or a connection failure
 * @param sslContext a TLS context given in code, which wins over {@code tls}: the app's own,
 *     trusting its embedded registry's certificate
 */
public record RegistryClientConfig(
    List<URI> urls,
    Optional<String> userInfo,
    Optional<TlsStores> tls,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxRetries,
    Optional<SSLContext> sslContext) {

  /** The registry's URLs, comma-separated. */
  public static final String URL = "schema.registry.url";

  /** Where basic-auth credentials come from: USER_INFO (the next key) or URL (user@host). */
  public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";

  /** {@code user:password} when the credentials source is USER_INFO. */
  public static final String USER_INFO = "basic.auth.user.info";

  /** Milliseconds to wait for an answer. */
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

  /** Milliseconds to wait for a connection. */
  public static final String CONNECT_TIMEOUT_MS = "schema.registry.connect.timeout.ms";

  /** Retries of a request that failed with a 5xx or a connection error. */
  public static final String MAX_RETRIES = "schema.registry.max.retries";

  private static final String TLS_PREFIX = "schema.registry.ssl.";

  /** Every key this client reads, for configuration layers that pass keys through by name. */
  public static final Set<String> KEYS =
      Set.of(
          URL,
          CREDENTIALS_SOURCE,
          USER_INFO,
          REQUEST_TIMEOUT_MS,
          CONNECT_TIMEOUT_MS,
          MAX_RETRIES,
          TLS_PREFIX + "truststore.location",
          TLS_PREFIX + "truststore.password",
          TLS_PREFIX + "truststore.type",
          TLS_PREFIX + "keystore.location",
          TLS_PREFIX + "keystore.password",
          TLS_PREFIX + "keystore.type",
          TLS_PREFIX + "key.password");

  /** Validates the settings. */
  public RegistryClientConfig {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new ConfigException(URL + " is required: the base URL of the schema registry");
    }
    Objects.requireNonNull(userInfo, "userInfo");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(sslContext, "sslContext");
    if (maxRetries < 0) {
      throw new ConfigException(MAX_RETRIES + " must not be negative");
    }
  }

  /** A plain client of one registry URL, with default timeouts and retries. */
  public static RegistryClientConfig of(URI url) {
    return new RegistryClientConfig(
        List.of(url),
        Optional.empty(),
        Optional.empty(),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        3,
        Optional.empty());
  }

  /** These settings, speaking TLS with the given context. */
  public RegistryClientConfig withSslContext(SSLContext context) {
    return new RegistryClientConfig(
        urls, userInfo, tls, connectTimeout, requestTimeout, maxRetries, Optional.of(context));
  }

  /**
   * Reads the client's settings from a Kafka serde configuration.
   *
   * @throws ConfigException naming the key that is missing or malformed
   */
  public static RegistryClientConfig from(Map<String, ?> configs) {
    SerdeSettings settings = new SerdeSettings(configs);
    List<URI> urls = settings.list(URL).stream().map(RegistryClientConfig::uri).toList();
    Optional<String> userInfo =
        switch (settings.string(CREDENTIALS_SOURCE, "USER_INFO").toUpperCase(Locale.ROOT)) {
          case "USER_INFO" -> settings.optional(USER_INFO);
          case "URL" ->
              urls.isEmpty()
                  ? Optional.empty()
                  : Optional.ofNullable(urls.getFirst().getUserInfo());
          default ->
              throw new ConfigException(
                  CREDENTIALS_SOURCE,
                  configs.get(CREDENTIALS_SOURCE),
                  "Cairn's registry client supports USER_INFO and URL");
        };
    return new RegistryClientConfig(
        urls.stream().map(RegistryClientConfig::withoutUserInfo).toList(),
        userInfo,
        TlsStores.from(settings, TLS_PREFIX),
        Duration.ofMillis(settings.integer(CONNECT_TIMEOUT_MS, 5_000)),
        Duration.ofMillis(settings.integer(REQUEST_TIMEOUT_MS, 10_000)),
        settings.integer(MAX_RETRIES, 3),
        Optional.empty());
  }

  private static URI uri(String text) {
    try {
      URI uri = URI.create(text.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("it has no scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(URL, text, "not a URL such as http://localhost:8081");
    }
  }

  private static URI withoutUserInfo(URI uri) {
    String base =
        uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    return URI.create(base + path);
  }

  /**
   * Key and trust stores for HTTPS to the registry.
   *
   * @param trustStore the trust store and its password and type, if any
   * @param keyStore the key store for client certificates and its password and type, if any
   * @param keyPassword the password of the key inside the key store, if it differs
   */
  public record TlsStores(
      Optional<Store> trustStore, Optional<Store> keyStore, Optional<String> keyPassword) {

    static Optional<TlsStores> from(SerdeSettings settings, String prefix) {
      Optional<Store> trust = Store.from(settings, prefix + "truststore.");
      Optional<Store> key = Store.from(settings, prefix + "keystore.");
      if (trust.isEmpty() && key.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new TlsStores(trust, key, settings.optional(prefix + "key.password")));
    }
  }

  /**
   * One key or trust store file.
   *
   * @param location the file
   * @param password its password, if any
   * @param type its type, PKCS12 unless said otherwise
   */
  public record Store(Path location, Optional<String> password, String type) {
    static Optional<Store> from(SerdeSettings settings, String prefix) {
      return settings
          .optional(prefix + "location")
          .map(
              location ->
                  new Store(
                      Path.of(location),
                      settings.optional(prefix + "password"),
                      settings.string(prefix + "type", "PKCS12")));
    }
  }
}
