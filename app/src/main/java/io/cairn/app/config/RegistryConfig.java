package io.cairn.app.config;

import io.cairn.avro.registry.RegistryClientConfig;
import io.cairn.registry.CompatibilityLevel;
import io.cairn.registry.RegistryUsers;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Which schema registry the app uses: an external one (Confluent's, Apicurio, Karapace, Redpanda)
 * when its URL is configured, otherwise the embedded one, served on its own port.
 *
 * @param externalUrl the external registry's URL; empty to run the embedded registry
 * @param host the address the embedded registry binds
 * @param port the embedded registry's port
 * @param topic the embedded registry's log topic
 * @param compatibility the embedded registry's global compatibility level until one is set
 * @param autoRegister whether the app registers its schemas, or only checks they are registered
 * @param clientSettings Confluent client keys passed to the registry client (auth, TLS, timeouts)
 * @param users the embedded registry's users, from {@code registry.users.file}
 */
public record RegistryConfig(
    Optional<URI> externalUrl,
    String host,
    int port,
    String topic,
    CompatibilityLevel compatibility,
    boolean autoRegister,
    Map<String, String> clientSettings,
    RegistryUsers users) {

  /** The external registry's user, as {@code registry.client.basic.auth.user.info} names it. */
  public Optional<String> userInfo() {
    return Optional.ofNullable(clientSettings.get("basic.auth.user.info"));
  }

  /** Whether the app must serve its own registry. */
  public boolean useEmbeddedRegistry() {
    return externalUrl.isEmpty();
  }

  /**
   * How the app reaches the registry it serves itself.
   *
   * @param url its address
   * @param appUser the app's own {@code user:password} on it
   * @param trust what its HTTPS is trusted with, when it serves HTTPS
   */
  public record Embedded(URI url, String appUser, Optional<SSLContext> trust) {}

  /**
   * The registry client's settings, on the external registry or the embedded one; on the embedded
   * one, as the app's own user unless the settings name another, and trusting its certificate.
   *
   * @param embedded the embedded registry, when the app serves one
   */
  public RegistryClientConfig clientConfig(Optional<Embedded> embedded) {
    Map<String, Object> configs = new HashMap<>(clientSettings);
    URI url = externalUrl.or(() -> embedded.map(Embedded::url)).orElseThrow();
    configs.put(RegistryClientConfig.URL, url.toString());
    if (embedded.isEmpty()) {
      return RegistryClientConfig.from(configs);
    }
    if (!clientSettings.containsKey(RegistryClientConfig.USER_INFO)) {
      configs.put(RegistryClientConfig.CREDENTIALS_SOURCE, "USER_INFO");
      configs.put(RegistryClientConfig.USER_INFO, embedded.get().appUser());
    }
    RegistryClientConfig client = RegistryClientConfig.from(configs);
    return embedded.get().trust().map(client::withSslContext).orElse(client);
  }

  private static URI httpUrl(String text) {
    URI uri = URI.create(text.trim());
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException("not an http or https URL such as http://registry:8081");
    }
    return uri;
  }

  static RegistryConfig read(Settings settings) {
    Optional<URI> url =
        Optional.ofNullable(
            settings.parsed(
                "registry.url",
                null,
                "URL of an external Confluent-compatible schema registry (also"
                    + " SCHEMA_REGISTRY_URL). When unset, Cairn serves its own.",
                RegistryConfig::httpUrl));
    return new RegistryConfig(
        url,
        settings.string(
            "registry.host", "127.0.0.1", "Address the embedded schema registry binds."),
        settings.integer("registry.port", 8081, 0, 65535, "Port of the embedded schema registry."),
        settings.string("registry.topic", "_schemas", "Topic of the embedded registry's log."),
        settings.parsed(
            "registry.compatibility",
            CompatibilityLevel.BACKWARD,
            "Global compatibility level of the embedded registry: NONE, BACKWARD, FORWARD, FULL,"
                + " or their _TRANSITIVE forms.",
            text -> CompatibilityLevel.valueOf(text.trim().toUpperCase(Locale.ROOT))),
        settings.bool(
            "registry.auto.register",
            true,
            "Register Cairn's schemas at start-up; when false, only check they are registered."),
        settings.prefixed(
            "registry.client.",
            RegistryClientConfig.KEYS::contains,
            "not a schema registry client key (basic.auth.user.info, schema.registry.ssl.*, ...)",
            "Confluent registry client keys, e.g. registry.client.basic.auth.user.info=user:secret,"
                + " registry.client.schema.registry.ssl.truststore.location."),
        Optional.ofNullable(
                settings.parsed(
                    "registry.users.file",
                    (RegistryUsers) null,
                    "Users of the embedded registry, one 'name: password[,role...]' per line as"
                        + " Confluent's registry reads them (role admin may write); with it every call"
                        + " needs a user. Without it reads are open, and writes need an admin unless"
                        + " auth.mode=none.",
                    text -> RegistryUsers.load(Path.of(text.trim()))))
            .orElseGet(RegistryUsers::none));
  }
}
