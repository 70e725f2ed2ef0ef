package io.cairn.web;

import io.javalin.http.Context;

/**
 * Whether an asynchronous exchange can still be answered. Once its client has gone, or the server
 * has stopped, Jetty ends the exchange and recycles its request and response; touching them then
 * throws, and finishing the exchange again would have Javalin handle a request that no longer
 * exists.
 */
public final class HttpExchanges {
  private HttpExchanges() {}

  /** Whether the exchange is still open for its answer. */
  public static boolean isOpen(Context ctx) {
    try {
      return ctx.req().isAsyncStarted();
    } catch (RuntimeException recycled) {
      return false;
    }
  }
}
