package io.cairn.queries.routing;

import io.cairn.queries.consistency.ConsistencyWait;
import io.cairn.queries.http.QueryParams;
import io.cairn.web.auth.ClusterSecret;
import io.javalin.http.Context;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A query's parameters with those every query knows: what to wait for ({@link ConsistencyWait}) and
 * how fresh the answer must be ({@code consistency}: {@code eventual}, the default, lets a standby
 * answer when the active cannot; {@code strong} answers from the active only).
 */
public final class QueryOptions {
  private static final Set<String> COMMON = Set.of("consistency");

  private final QueryParams params;
  private final ConsistencyWait wait;
  private final boolean strong;

  private QueryOptions(QueryParams params, ConsistencyWait wait, boolean strong) {
    this.params = params;
    this.wait = wait;
    this.strong = strong;
  }

  /**
   * Reads the common parameters; the caller reads its own from {@link #params()}, then calls {@link
   * #check}.
   *
   * @param names the names of the endpoint's own parameters
   * @param tokens the secret consistency tokens are sealed with
   */
  public static QueryOptions read(Context ctx, Set<String> names, ClusterSecret tokens) {
    return read(ctx.queryParamMap(), ctx.header(ConsistencyWait.TOKEN_HEADER), names, tokens);
  }

  /**
   * Reads the common parameters from a query string's parameters and the consistency token's
   * header, as {@link #read(Context, Set, ClusterSecret)} does from a request.
   */
  public static QueryOptions read(
      Map<String, List<String>> query,
      String tokenHeader,
      Set<String> names,
      ClusterSecret tokens) {
    Set<String> known = new HashSet<>(names);
    known.addAll(ConsistencyWait.NAMES);
    known.addAll(COMMON);
    QueryParams params = new QueryParams(query, known);
    ConsistencyWait wait = ConsistencyWait.read(params, tokenHeader, tokens);
    String consistency = params.text("consistency");
    if (consistency != null && !consistency.equals("strong") && !consistency.equals("eventual")) {
      params.invalid("consistency", "strong or eventual");
    }
    return new QueryOptions(params, wait, "strong".equals(consistency));
  }

  /** The endpoint's own parameters, to read before {@link #check}. */
  public QueryParams params() {
    return params;
  }

  /** What the query waits for. */
  public ConsistencyWait waiting() {
    return wait;
  }

  /** Throws the 400 of every wrong parameter; else the request, to route. */
  public Request check(Context ctx) {
    params.check();
    return Request.of(ctx, strong, wait.maxWait());
  }
}
