package io.cairn.queries;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What the routing of a query needs to know of it.
 *
 * @param pathAndQuery the path and query string, to forward as they are
 * @param headers the headers to forward: the consistency token
 * @param forwardedBy the instance that forwarded it here, or null when a client sent it
 * @param strong whether only the partition's active may answer ({@code consistency=strong})
 * @param maxWait the longest it may wait for its view
 */
record Request(
    String pathAndQuery,
    Map<String, String> headers,
    String forwardedBy,
    boolean strong,
    Duration maxWait) {

  static final String TOKEN_HEADER = "Consistency-Token";

  static Request of(Context ctx, boolean strong, Duration wait) {
    String query = ctx.queryString();
    Map<String, String> headers = new HashMap<>();
    String token = ctx.header(TOKEN_HEADER);
    if (token != null) {
      headers.put(TOKEN_HEADER, token);
    }
    return new Request(
        query == null ? ctx.path() : ctx.path() + "?" + query,
        Map.copyOf(headers),
        ctx.header(Forwarder.FORWARDED_BY),
        strong,
        wait);
  }

  boolean forwarded() {
    return forwardedBy != null;
  }
}
