package io.cairn.app.config;

/**
 * Where the app's HTTP API listens.
 *
 * @param host the address to bind: loopback by default, {@code 0.0.0.0} to serve other machines
 * @param port the TCP port; 0 picks a free one
 */
public record HttpConfig(String host, int port) {

  static HttpConfig read(Settings settings) {
    return new HttpConfig(
        settings.string(
            "http.host",
            "127.0.0.1",
            "Address the HTTP API binds; 0.0.0.0 serves other machines too."),
        settings.integer("http.port", 8080, 0, 65535, "Port of the HTTP API; 0 picks a free one."));
  }
}
