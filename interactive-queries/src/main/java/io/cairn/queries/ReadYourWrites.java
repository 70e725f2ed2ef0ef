package io.cairn.queries;

import io.cairn.topology.views.AggregateEntry;
import io.cairn.topology.views.Projection;
import io.cairn.topology.views.SourcedEvent;
import io.cairn.topology.views.Stamped;
import io.cairn.topology.views.ViewKey;
import io.cairn.web.ApiException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;

/**
 * Holds a query back until its view reflects a command. The token names the aggregate and the
 * version the command left it at; the views' fold of that aggregate says where its events went (the
 * aggregate id, or another {@link ViewKey} of it), and the view's entry there says which version of
 * it it has folded in. A query whose entry the command did not touch answers at once.
 *
 * <p>Waiting polls those two local reads on a virtual thread, backing off to 20 ms, never on the
 * request's thread. At most {@link #MAX_WAITING} queries wait at once; more are 503 overloaded.
 */
final class ReadYourWrites {
  static final int MAX_WAITING = 10_000;
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
  private static final long MAX_BACKOFF_NANOS = Duration.ofMillis(20).toNanos();

  private final ViewQueries views;
  private final Executor executor = task -> Thread.ofVirtual().name("read-your-writes").start(task);
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final Semaphore waiting;

  /**
   * @param views the stores to poll
   * @param waiting the queries that may wait at once, shared by every reader of this instance
   */
  ReadYourWrites(ViewQueries views, Semaphore waiting) {
    this.views = views;
    this.waiting = waiting;
  }

  /**
   * For one instance's part of a whole list: completes when the view reflects the command, if the
   * command's entry is in these partitions; the instance holding it waits, the others answer at
   * once. A view filed under another key than the command's aggregate (customers, for an order) has
   * that entry in a partition only the aggregate's state can name, so such a list does not wait.
   */
  CompletableFuture<Void> awaitIn(
      Projection<?> projection, Set<Integer> partitions, Waiting waiting) {
    Optional<ConsistencyToken> token = waiting.token();
    if (token.isEmpty()
        || projection.rekeyed().containsKey(token.get().type())
        || !partitions.contains(views.partitionOf(token.get().aggregateId()))) {
      return DONE;
    }
    return await(projection, null, waiting);
  }

  /**
   * Completes when the view reflects the command, at once when there is nothing to wait for.
   *
   * @param key the entry or the rows' key the query reads; null for a whole list
   * @return fails with 504 view_not_caught_up when the wait runs out
   */
  CompletableFuture<Void> await(Projection<?> projection, String key, Waiting waiting) {
    if (waiting.token().isEmpty()) {
      return DONE;
    }
    ConsistencyToken token = waiting.token().get();
    boolean untouched =
        token.version() == 0
            || !projection.sources().contains(token.type())
            || (key != null
                && !projection.rekeyed().containsKey(token.type())
                && !key.equals(token.aggregateId()));
    return untouched
        ? DONE
        : waitFor(() -> reflected(projection, key, token), projection.name(), waiting.maxWait());
  }

  /**
   * Completes when an aggregate's own state or history reflects the command, at once when the
   * command was to another aggregate.
   *
   * @param reflected whether the state or history holds a version yet
   */
  CompletableFuture<Void> await(String type, String id, Waiting waiting, LongPredicate reflected) {
    Optional<ConsistencyToken> token =
        waiting.token().filter(t -> t.type().equals(type) && t.aggregateId().equals(id));
    return token.isEmpty() || token.get().version() == 0
        ? DONE
        : waitFor(() -> reflected.test(token.get().version()), type, waiting.maxWait());
  }

  private CompletableFuture<Void> waitFor(BooleanSupplier reflected, String what, Duration wait) {
    if (!waiting.tryAcquire()) {
      throw ApiException.unavailable(
          "overloaded",
          "Too many queries are waiting for their views; retry shortly.",
          RETRY_AFTER);
    }
    return CompletableFuture.runAsync(() -> poll(reflected, what, wait), executor)
        .whenComplete((done, failure) -> waiting.release());
  }

  private static void poll(BooleanSupplier reflected, String what, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    long backoff = Duration.ofMillis(1).toNanos();
    while (true) {
      ApiException notReady = null;
      try {
        if (reflected.getAsBoolean()) {
          return;
        }
      } catch (ApiException e) {
        if (e.status() != 503) {
          throw e;
        }
        notReady = e; // a rebalance: keep waiting, and say so if the wait runs out
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw notReady != null ? notReady : notCaughtUp(what, wait);
      }
      sleep(Math.min(backoff, left));
      backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
    }
  }

  private boolean reflected(Projection<?> projection, String key, ConsistencyToken token) {
    AggregateEntry<?> aggregate = views.aggregate(token.type(), token.aggregateId()).orElse(null);
    if (aggregate == null || aggregate.version() < token.version()) {
      return false;
    }
    SourcedEvent latest = SourcedEvent.latest(token.type(), token.aggregateId(), aggregate);
    ViewKey rekey = projection.rekeyed().get(token.type());
    String went = rekey == null ? token.aggregateId() : rekey.of().apply(latest);
    if (went == null || (key != null && !key.equals(went))) {
      return true;
    }
    Stamped<?> entry = views.entry(projection, projection.storeKey(went, latest), went);
    return entry != null && entry.hasSeen(token.type(), token.aggregateId(), token.version());
  }

  private static ApiException notCaughtUp(String what, Duration wait) {
    return new ApiException(
        504,
        "view_not_caught_up",
        "The %s view did not reflect the command within %d ms; retry the query with the same token."
            .formatted(what, wait.toMillis()),
        Map.of("view", what, "waitMs", wait.toMillis()));
  }

  private static void sleep(long nanos) {
    try {
      Thread.sleep(Duration.ofNanos(nanos));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a view", e);
    }
  }
}
