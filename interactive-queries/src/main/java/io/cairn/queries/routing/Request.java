package io.cairn.queries.routing;

import io.cairn.queries.consistency.ConsistencyWait;
import io.cairn.web.auth.Principal;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the routing of a query needs to know of it.
 *
 * @param pathAndQuery the path and query string, to forward as they are
 * @param headers the headers to forward: the consistency token
 * @param forwardedBy the instance that forwarded it here, or null when a client sent it
 * @param strong whether only the partition's active may answer ({@code consistency=strong})
 * @param maxWait the longest it may wait for its view
 * @param customer the customer its client is confined to, if it is
 */
public record Request(
    String pathAndQuery,
    Map<String, String> headers,
    String forwardedBy,
    boolean strong,
    Duration maxWait,
    Optional<String> customer) {

  /** The request being answered, with what it asks of consistency. */
  public static Request of(Context ctx, boolean strong, Duration wait) {
    String query = ctx.queryString();
    Map<String, String> headers = new HashMap<>();
    String token = ctx.header(ConsistencyWait.TOKEN_HEADER);
    if (token != null) {
      headers.put(ConsistencyWait.TOKEN_HEADER, token);
    }
    Principal principal = Principal.of(ctx);
    // Only another instance, by its signature, says for whom it forwards a query.
    Optional<String> customer =
        principal.instance()
            ? Optional.ofNullable(ctx.header(Forwarder.CUSTOMER))
            : Principal.customerOnly(ctx);
    customer.ifPresent(confined -> headers.put(Forwarder.CUSTOMER, confined));
    return new Request(
        query == null ? ctx.path() : ctx.path() + "?" + query,
        Map.copyOf(headers),
        // Only another instance, by its signature, says a query was forwarded.
        Principal.of(ctx).instance() ? ctx.header(Forwarder.FORWARDED_BY) : null,
        strong,
        wait,
        customer);
  }

  /** Whether another instance forwarded it here. */
  public boolean forwarded() {
    return forwardedBy != null;
  }
}
