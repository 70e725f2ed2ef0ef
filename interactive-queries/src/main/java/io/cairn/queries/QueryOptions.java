package io.cairn.queries;

import io.javalin.http.Context;
import java.util.HashSet;
import java.util.Set;

/**
 * A query's parameters with those every query knows: what to wait for ({@link Waiting}) and how
 * fresh the answer must be ({@code consistency}: {@code eventual}, the default, lets a standby
 * answer when the active cannot; {@code strong} answers from the active only).
 */
final class QueryOptions {
  private static final Set<String> COMMON = Set.of("consistency");

  private final QueryParams params;
  private final Waiting waiting;
  private final boolean strong;

  private QueryOptions(QueryParams params, Waiting waiting, boolean strong) {
    this.params = params;
    this.waiting = waiting;
    this.strong = strong;
  }

  /**
   * Reads the common parameters; the caller reads its own from {@link #params()}, then calls {@link
   * #check}.
   *
   * @param names the names of the endpoint's own parameters
   */
  static QueryOptions read(Context ctx, Set<String> names) {
    Set<String> known = new HashSet<>(names);
    known.addAll(Waiting.NAMES);
    known.addAll(COMMON);
    QueryParams params = new QueryParams(ctx.queryParamMap(), known);
    Waiting waiting = Waiting.read(params, ctx.header(Request.TOKEN_HEADER));
    String consistency = params.text("consistency");
    if (consistency != null && !consistency.equals("strong") && !consistency.equals("eventual")) {
      params.invalid("consistency", "strong or eventual");
    }
    return new QueryOptions(params, waiting, "strong".equals(consistency));
  }

  QueryParams params() {
    return params;
  }

  Waiting waiting() {
    return waiting;
  }

  /** Throws the 400 of every wrong parameter; else the request, to route. */
  Request check(Context ctx) {
    params.check();
    return Request.of(ctx, strong, waiting.maxWait());
  }
}
