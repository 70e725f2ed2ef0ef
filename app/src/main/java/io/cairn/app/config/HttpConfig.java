package io.cairn.app.config;

import io.cairn.web.HttpServer;
import io.cairn.web.tls.ServerTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the app's HTTP API listens, how other instances reach it, and how large a request it takes.
 *
 * @param host the address to bind: loopback by default, {@code 0.0.0.0} to serve other machines
 * @param port the TCP port; 0 picks a free one
 * @param maxRequestBytes the largest request body accepted; a larger one is a 413
 * @param advertisedHost the host name other instances use to forward queries here; when absent, the
 *     bound address, or this machine's name when that is a wildcard
 * @param rateLimit the requests a second each client may send; 0 for no limit
 * @param tls the key and certificates to serve HTTPS with; empty for plain HTTP
 */
public record HttpConfig(
    String host,
    int port,
    int maxRequestBytes,
    Optional<String> advertisedHost,
    int rateLimit,
    Optional<ServerTls> tls) {
  // Long enough for a command in flight to get its outcome (commands.timeout is 10 s by default),
  // well inside the grace an orchestrator gives a process before it kills it.
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  /** The defaults' limits on the given address, in plain HTTP. */
  public static HttpConfig on(String host, int port) {
    return new HttpConfig(host, port, 65_536, Optional.empty(), 0, Optional.empty());
  }

  /**
   * This configuration with a free port picked when it asks for any: the instance must advertise
   * its port to the others before the server starts, so the port cannot wait for the bind.
   */
  public HttpConfig withPortChosen() {
    if (port != 0) {
      return this;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
      return new HttpConfig(
          host, socket.getLocalPort(), maxRequestBytes, advertisedHost, rateLimit, tls);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + host, e);
    }
  }

  /** Where the server listens, and its limits. */
  public HttpServer.Settings server() {
    return new HttpServer.Settings(host, port, maxRequestBytes, tls, STOP_GRACE);
  }

  /** The host name other instances reach this one at. */
  public String advertised() {
    if (advertisedHost.isPresent()) {
      return advertisedHost.get();
    }
    if (!host.equals("0.0.0.0") && !host.equals("::")) {
      return host;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "http.host is a wildcard and this machine's name is unknown; set http.advertised.host",
          e);
    }
  }

  static HttpConfig read(Settings settings) {
    HttpConfig defaults = on("127.0.0.1", 8080);
    return new HttpConfig(
        settings.string(
            "http.host",
            defaults.host(),
            "Address the HTTP API binds; 0.0.0.0 serves other machines too."),
        settings.integer(
            "http.port", defaults.port(), 0, 65535, "Port of the HTTP API; 0 picks a free one."),
        settings.integer(
            "http.max.request.bytes",
            defaults.maxRequestBytes(),
            1_024,
            16_777_216,
            "Largest request body the HTTP API accepts; larger ones get 413."),
        settings.optionalString(
            "http.advertised.host",
            "Host name other Cairn instances forward queries to; by default http.host, or this"
                + " machine's name when http.host is 0.0.0.0."),
        settings.integer(
            "http.rate.limit",
            0,
            0,
            1_000_000,
            "Requests a second each client (a token's subject, or else an address) may send,"
                + " a second's worth at once; more get 429 with Retry-After. 0: no limit."),
        readTls(settings));
  }

  private static Optional<ServerTls> readTls(Settings settings) {
    Optional<String> cert =
        settings.optionalString(
            "http.tls.cert.file",
            "PEM certificate chain of the HTTP API, server's first; with http.tls.key.file the"
                + " API serves HTTPS only, and instances call each other over it.");
    Optional<String> key =
        settings.optionalString(
            "http.tls.key.file", "Unencrypted PKCS#8 PEM private key of http.tls.cert.file.");
    Optional<String> keystore =
        settings.optionalString(
            "http.tls.keystore.file",
            "Keystore holding the HTTP API's key and chain, instead of the PEM files.");
    String password =
        settings.string("http.tls.keystore.password", "", "Password of http.tls.keystore.file.");
    String type =
        settings.string("http.tls.keystore.type", "PKCS12", "Type of the keystore: PKCS12 or JKS.");
    return settings
        .validated("http.tls.*", () -> tls(cert, key, keystore, password, type))
        .orElse(Optional.empty());
  }

  private static Optional<ServerTls> tls(
      Optional<String> cert,
      Optional<String> key,
      Optional<String> keystore,
      String password,
      String type) {
    if (keystore.isPresent() && (cert.isPresent() || key.isPresent())) {
      throw new IllegalArgumentException("name either the PEM files or a keystore, not both");
    }
    if (cert.isPresent() != key.isPresent()) {
      throw new IllegalArgumentException("http.tls.cert.file and http.tls.key.file go together");
    }
    try {
      if (keystore.isPresent()) {
        return Optional.of(ServerTls.fromKeyStore(Path.of(keystore.get()), password, type));
      }
      return cert.map(chain -> ServerTls.fromPem(Path.of(chain), Path.of(key.orElseThrow())));
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
