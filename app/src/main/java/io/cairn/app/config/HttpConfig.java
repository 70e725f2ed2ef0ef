package io.cairn.app.config;

/**
 * Where the app's HTTP API listens, and how large a request it takes.
 *
 * @param host the address to bind: loopback by default, {@code 0.0.0.0} to serve other machines
 * @param port the TCP port; 0 picks a free one
 * @param maxRequestBytes the largest request body accepted; a larger one is a 413
 */
public record HttpConfig(String host, int port, int maxRequestBytes) {

  /** The defaults' limits on the given address. */
  public static HttpConfig on(String host, int port) {
    return new HttpConfig(host, port, 65_536);
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
            "Largest request body the HTTP API accepts; larger ones get 413."));
  }
}
