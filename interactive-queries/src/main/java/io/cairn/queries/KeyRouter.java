package io.cairn.queries;

import io.cairn.web.ApiException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers a query about one key where the key lives: here when this instance is the active of the
 * key's partition, else at the active, forwarded. When the active cannot answer (it died, or the
 * group is rebalancing), a standby's copy answers, marked stale, unless the query asked for strong
 * consistency, which then waits for the active with a 503.
 */
final class KeyRouter {
  private static final Serializer<String> KEYS = Serdes.String().serializer();
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final KafkaStreams streams;
  private final HostInfo self;
  private final Forwarder forwarder;
  private final Reads active;
  private final Reads stale;

  KeyRouter(KafkaStreams streams, HostInfo self, Forwarder forwarder, Reads active, Reads stale) {
    this.streams = streams;
    this.self = self;
    this.forwarder = forwarder;
    this.active = active;
    this.stale = stale;
  }

  /**
   * Answers a query about a key.
   *
   * @param store the store that holds the key, whose partitions say where it lives
   * @param local the query, answered from this instance's stores by the reads given
   */
  CompletableFuture<Reply> route(
      Request request, String store, String key, Function<Reads, CompletableFuture<Object>> local) {
    KeyQueryMetadata where = metadata(store, key);
    if (where != null && self.equals(where.activeHost())) {
      return serve(active, local, store, where.partition());
    }
    if (request.forwarded() || where == null) {
      return standby(request, store, where, local);
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
      String store,
      KeyQueryMetadata where,
      Function<Reads, CompletableFuture<Object>> local,
      HttpResponse<String> activeAnswer) {
    if (request.strong() && activeAnswer != null) {
      return CompletableFuture.completedFuture(new Reply.Remote(activeAnswer));
    }
    if (request.strong() || where.standbyHosts().isEmpty() || where.standbyHosts().contains(self)) {
      return standby(request, store, where, local);
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
      String store,
      KeyQueryMetadata where,
      Function<Reads, CompletableFuture<Object>> local) {
    if (request.strong()) {
      return CompletableFuture.failedFuture(unavailable(store));
    }
    int partition = where == null ? -1 : where.partition();
    return serve(stale, local, store, partition);
  }

  private CompletableFuture<Reply> serve(
      Reads reads, Function<Reads, CompletableFuture<Object>> local, String store, int partition) {
    CompletableFuture<Object> body;
    try {
      body = local.apply(reads);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (reads == active) {
      return body.thenApply(Reply.Local::fresh);
    }
    return body.thenApply(answer -> new Reply.Local(answer, true, lag(store, partition)));
  }

  /** How far this instance's copy of a partition trails its changelog, if it knows. */
  private Long lag(String store, int partition) {
    try {
      Map<Integer, LagInfo> lags = streams.allLocalStorePartitionLags().get(store);
      LagInfo lag = lags == null ? null : lags.get(partition);
      return lag == null ? null : lag.offsetLag();
    } catch (RuntimeException e) {
      return null; // not running: the answer is still worth giving, without the figure
    }
  }

  private KeyQueryMetadata metadata(String store, String key) {
    try {
      KeyQueryMetadata where = streams.queryMetadataForKey(store, key, KEYS);
      return where == null || where.equals(KeyQueryMetadata.NOT_AVAILABLE) ? null : where;
    } catch (RuntimeException e) {
      return null; // not running yet: answer from what this instance holds, if anything
    }
  }

  private static ApiException unavailable(String store) {
    return ApiException.unavailable(
        "active_unavailable",
        "The instance that holds this entry of "
            + store
            + " cannot answer now (it is down, or the instances are rebalancing); retry shortly,"
            + " or leave out consistency=strong to accept a standby's copy.",
        RETRY_AFTER);
  }
}
