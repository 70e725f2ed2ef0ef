package io.cairn.queries.consistency;

import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.view.Projection;
import io.cairn.core.view.Source;
import io.cairn.engine.views.stores.AggregateEntry;
import io.cairn.engine.views.stores.ViewEntry;
import io.cairn.engine.views.stores.ViewStores;
import io.cairn.queries.stores.StoreReader;
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
 * aggregate id, or another key of it), and the view's entry there says which version of it it has
 * folded in. A query whose entry the command did not touch answers at once.
 *
 * <p>Waiting polls those two local reads on a virtual thread, backing off to 20 ms, never on the
 * request's thread. At most {@link #MAX_WAITING} queries wait at once per instance; more are 503
 * overloaded.
 */
public final class ReadYourWrites {
  /** How many queries may wait for their views at once, per instance. */
  public static final int MAX_WAITING = 10_000;

  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
  private static final long MAX_BACKOFF_NANOS = Duration.ofMillis(20).toNanos();
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final Map<String, AggregateType<?, ?, ?>> types;
  private final Semaphore waiting;
  private final Executor executor = task -> Thread.ofVirtual().name("read-your-writes").start(task);

  /**
   * @param types the aggregate types whose tokens can be waited for, by name
   * @param waiting the queries that may wait at once, shared by every query of this instance
   */
  public ReadYourWrites(Map<String, AggregateType<?, ?, ?>> types, Semaphore waiting) {
    this.types = Map.copyOf(types);
    this.waiting = waiting;
  }

  /**
   * For one instance's part of a whole list: completes when the view reflects the command, if the
   * command's entry is in these partitions; the instance holding it waits, the others answer at
   * once. A view filed under another key than the command's aggregate (customers, for an order) has
   * that entry in a partition only the aggregate's state can name, so such a list does not wait.
   */
  public CompletableFuture<Void> awaitIn(
      StoreReader reader, Projection<?> projection, Set<Integer> partitions, ConsistencyWait wait) {
    Optional<ConsistencyToken> token = wait.token();
    if (token.isEmpty()
        || rekeys(projection, token.get().type())
        || !partitions.contains(reader.partitionOf(token.get().aggregateId()))) {
      return DONE;
    }
    return await(reader, projection, null, wait);
  }

  /**
   * Completes when the view reflects the command, at once when there is nothing to wait for.
   *
   * @param key the entry or the rows' key the query reads; null for a whole list
   * @return fails with 504 view_not_caught_up when the wait runs out
   */
  public CompletableFuture<Void> await(
      StoreReader reader, Projection<?> projection, String key, ConsistencyWait wait) {
    if (wait.token().isEmpty()) {
      return DONE;
    }
    ConsistencyToken token = wait.token().get();
    boolean untouched =
        token.version() == 0
            || projection.source(token.type()).isEmpty()
            || (key != null
                && !rekeys(projection, token.type())
                && !key.equals(token.aggregateId()));
    return untouched
        ? DONE
        : waitFor(
            () -> reflected(reader, projection, key, token), projection.name(), wait.maxWait());
  }

  /**
   * Completes when an aggregate's own state or history reflects the command, at once when the
   * command was to another aggregate.
   *
   * @param reflected whether the state or history holds a version yet
   */
  public CompletableFuture<Void> await(
      String type, String id, ConsistencyWait wait, LongPredicate reflected) {
    Optional<ConsistencyToken> token =
        wait.token().filter(t -> t.type().equals(type) && t.aggregateId().equals(id));
    return token.isEmpty() || token.get().version() == 0
        ? DONE
        : waitFor(() -> reflected.test(token.get().version()), type, wait.maxWait());
  }

  private static boolean rekeys(Projection<?> projection, String type) {
    return projection.source(type).flatMap(Source::key).isPresent();
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

  private <V> boolean reflected(
      StoreReader reader, Projection<V> projection, String key, ConsistencyToken token) {
    AggregateType<?, ?, ?> type = types.get(token.type());
    if (type == null) {
      return true; // a token of a type this instance does not know: nothing here waits for it
    }
    AggregateEntry<?> entry =
        reader.read(
            ViewStores.aggregates(type),
            token.aggregateId(),
            store -> store.get(token.aggregateId()));
    if (entry == null || entry.version() < token.version()) {
      return false;
    }
    Aggregate<?> aggregate = entry.of(token.aggregateId());
    String went = projection.source(token.type()).map(s -> s.keyOf(aggregate)).orElse(null);
    if (went == null || (key != null && !key.equals(went))) {
      return true;
    }
    String storeKey = projection.storeKey(went, aggregate);
    ViewEntry<V> seen =
        reader.read(ViewStores.view(projection), went, store -> store.get(storeKey));
    return seen != null && seen.hasSeen(token.type(), token.aggregateId(), token.version());
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
