package io.cairn.queries.routing;

import io.cairn.kafka.stores.Store;
import io.cairn.queries.stores.StoreReader;
import io.cairn.queries.stores.ViewsAccess;
import io.cairn.web.ApiException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers a query about one key where the key lives: here when this instance is the active of the
 * key's partition, else at the active, forwarded. When the active cannot answer (it died, or the
 * group is rebalancing), a standby's copy answers, marked stale, unless the query asked for strong
 * consistency, which then waits for the active with a 503.
 */
public final class KeyRouter {
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final ViewsAccess views;
  private final HostInfo self;
  private final Forwarder forwarder;
  private final StoreReader active;
  private final StoreReader stale;

  /**
   * @param views the views as this instance reaches them
   * @param self this instance's advertised address
   * @param forwarder how queries reach other instances
   * @param active reads of the partitions this instance is active for
   * @param stale reads that take a standby's copy too
   */
  public KeyRouter(
      ViewsAccess views,
      HostInfo self,
      Forwarder forwarder,
      StoreReader active,
      StoreReader stale) {
    this.views = views;
    this.self = self;
    this.forwarder = forwarder;
    this.active = active;
    this.stale = stale;
  }

  /**
   * Answers a query about a key.
   *
   * @param store the store that holds the key, whose partitions say where it lives
   * @param local the query, answered from this instance's stores by the reader given
   */
  public CompletableFuture<Reply> route(
      Request request,
      Store<?, ?> store,
      String key,
      Function<StoreReader, CompletableFuture<Object>> local) {
    int partition = active.partitionOf(key);
    KeyQueryMetadata where = views.where(store, partition);
    if (where != null && self.equals(where.activeHost())) {
      return serve(active, local, store, partition);
    }
    if (request.forwarded() || where == null) {
      return standby(request, store, partition, local);
    }
    return forwarder
        .get(where.activeHost(), request.pathAndQuery(), request.headers(), request.maxWait())
        .handle(
            (response, failure) -> {
              if (failure == null && response.statusCode() != 503) {
                return CompletableFuture.<Reply>completedFuture(new Reply.Remote(response));
              }
              if (failure != null && !Forwarder.unreachable(failure)) {
                return CompletableFuture.<Reply>failedFuture(failure);
              }
              return fromStandby(request, store, where, local, response);
            })
        .thenCompose(Function.identity());
  }

  /** The active did not answer: a standby does, here or elsewhere, unless strong is asked. */
  private CompletableFuture<Reply> fromStandby(
      Request request,
      Store<?, ?> store,
      KeyQueryMetadata where,
      Function<StoreReader, CompletableFuture<Object>> local,
      HttpResponse<String> activeAnswer) {
    if (request.strong() && activeAnswer != null) {
      return CompletableFuture.completedFuture(new Reply.Remote(activeAnswer));
    }
    if (request.strong() || where.standbyHosts().isEmpty() || where.standbyHosts().contains(self)) {
      return standby(request, store, where.partition(), local);
    }
    HostInfo standby = where.standbyHosts().iterator().next();
    return forwarder
        .get(standby, request.pathAndQuery(), request.headers(), request.maxWait())
        .<Reply>thenApply(Reply.Remote::new)
        .exceptionallyCompose(failure -> CompletableFuture.failedFuture(unavailable(store)));
  }

  /** Answers from this instance's copy, active or standby, unless only the active will do. */
  private CompletableFuture<Reply> standby(
      Request request,
      Store<?, ?> store,
      int partition,
      Function<StoreReader, CompletableFuture<Object>> local) {
    if (request.strong()) {
      return CompletableFuture.failedFuture(unavailable(store));
    }
    return serve(stale, local, store, partition);
  }

  private CompletableFuture<Reply> serve(
      StoreReader reader,
      Function<StoreReader, CompletableFuture<Object>> local,
      Store<?, ?> store,
      int partition) {
    CompletableFuture<Object> body;
    try {
      body = local.apply(reader);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (reader == active) {
      return body.thenApply(Reply.Local::fresh);
    }
    return body.thenApply(answer -> new Reply.Local(answer, true, views.lag(store, partition)));
  }

  private static ApiException unavailable(Store<?, ?> store) {
    return ApiException.unavailable(
        "active_unavailable",
        "The instance that holds this entry of "
            + store.name()
            + " cannot answer now (it is down, or the instances are rebalancing); retry shortly,"
            + " or leave out consistency=strong to accept a standby's copy.",
        RETRY_AFTER);
  }
}
