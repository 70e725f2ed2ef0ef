package io.cairn.queries.deadletters;

import io.cairn.engine.deadletters.DeadLetterEntry;
import io.cairn.engine.deadletters.DeadLetterQueue;
import io.cairn.engine.deadletters.Retry;
import io.cairn.queries.http.Cursor;
import io.cairn.queries.http.QueryParams;
import io.cairn.web.ApiException;
import io.cairn.web.auth.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dead-letter queue's endpoints: {@code GET /api/v1/dlq} lists its entries newest first, paged,
 * with the count of every entry by reason; {@code POST /api/v1/dlq/{entry}/retry} puts an entry's
 * record back on its topic, once.
 */
public final class DeadLetterRoutes {
  private final DeadLetterQueue queue;

  /** The endpoints of the given queue. */
  public DeadLetterRoutes(DeadLetterQueue queue) {
    this.queue = queue;
  }

  /**
   * A page of the list.
   *
   * @param items the entries, newest first
   * @param nextCursor where the next page starts; null on the last page
   * @param counts how many entries the queue holds, by reason
   */
  public record Listed(List<DeadLetterEntry> items, String nextCursor, Map<String, Long> counts) {}

  /**
   * A retried entry.
   *
   * @param entry the entry, marked retried
   */
  public record Retried(DeadLetterEntry entry) {}

  /** Installs the endpoints. */
  public void install(RoutesConfig routes) {
    routes.get("/api/v1/dlq", this::list, Scope.ADMIN);
    routes.post("/api/v1/dlq/{entry}/retry", this::retry, Scope.ADMIN);
  }

  private void list(Context ctx) {
    QueryParams params = new QueryParams(ctx.queryParamMap(), Set.of("limit", "cursor"));
    int limit = params.limit();
    Optional<String> after = params.cursor();
    params.check();
    DeadLetterQueue.Page page = queue.list(after, limit);
    ctx.json(
        new Listed(
            page.entries(), page.next() == null ? null : Cursor.of(page.next()), queue.counts()));
  }

  private void retry(Context ctx) {
    String id = ctx.pathParam("entry");
    Retry outcome = queue.retry(id);
    switch (outcome) {
      case Retry.Done done -> ctx.status(202).json(new Retried(done.entry()));
      case Retry.NotFound notFound ->
          throw new ApiException(
              404, "dead_letter_not_found", "The dead-letter queue has no entry " + id + ".");
      case Retry.NotRetryable refused ->
          throw new ApiException(409, "not_retryable", refused.why());
      case Retry.AlreadyRetried retried -> throw alreadyRetried(id, retried.at());
    }
  }

  private static ApiException alreadyRetried(String id, Instant at) {
    return new ApiException(
        409,
        "already_retried",
        "Entry " + id + " was retried at " + at + "; a record goes back on its topic once.");
  }
}
