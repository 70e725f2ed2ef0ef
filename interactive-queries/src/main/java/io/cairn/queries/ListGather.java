package io.cairn.queries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.web.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Gathers a list from every instance: each answers for the partitions it is active for, or a
 * standby for those of an instance that cannot answer, and the parts merge in key order.
 */
final class ListGather {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  /**
   * Where this instance reads its own part: a read that waits for a consistency token blocks its
   * thread for up to 30 s, which must be a virtual one, never the common pool's few.
   */
  private static final Executor LOCAL = task -> Thread.ofVirtual().name("list-part").start(task);

  private final KafkaStreams streams;
  private final HostInfo self;
  private final Forwarder forwarder;
  private final Set<Integer> all;

  ListGather(KafkaStreams streams, HostInfo self, Forwarder forwarder, Set<Integer> all) {
    this.streams = streams;
    this.self = self;
    this.forwarder = forwarder;
    this.all = all;
  }

  /**
   * A page of a list.
   *
   * @param store the list's store, whose partitions say where its parts are
   * @param local this instance's part for some partitions, from active or also standby copies
   */
  CompletableFuture<ListQueries.Page> gather(
      Request request, String store, int limit, BiFunction<Set<Integer>, Boolean, Partial> local) {
    Map<HostInfo, Set<Integer>> actives = placement(store, false);
    Set<Integer> placed =
        actives.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    if (!placed.containsAll(all) && request.strong()) {
      throw unavailable(store);
    }
    List<CompletableFuture<List<Partial>>> parts = new ArrayList<>();
    actives.forEach((host, partitions) -> parts.add(part(request, store, host, partitions, local)));
    Set<Integer> orphans = new TreeSet<>(all);
    orphans.removeAll(placed);
    if (!orphans.isEmpty()) {
      parts.add(CompletableFuture.supplyAsync(() -> List.of(local.apply(orphans, true)), LOCAL));
    }
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
        .thenApply(
            done ->
                Partial.merge(
                    parts.stream().flatMap(part -> part.join().stream()).toList(), limit));
  }

  private CompletableFuture<List<Partial>> part(
      Request request,
      String store,
      HostInfo host,
      Set<Integer> partitions,
      BiFunction<Set<Integer>, Boolean, Partial> local) {
    if (host.equals(self)) {
      return CompletableFuture.supplyAsync(() -> List.of(local.apply(partitions, false)), LOCAL);
    }
    return ask(request, host, partitions)
        .exceptionallyCompose(
            failure -> {
              if (request.strong()) {
                return CompletableFuture.failedFuture(unavailable(store));
              }
              return fromStandbys(request, store, partitions, local);
            });
  }

  /** The partitions of an instance that did not answer, from the standbys that copy them. */
  private CompletableFuture<List<Partial>> fromStandbys(
      Request request,
      String store,
      Set<Integer> partitions,
      BiFunction<Set<Integer>, Boolean, Partial> local) {
    Map<HostInfo, Set<Integer>> standbys = placement(store, true);
    List<CompletableFuture<List<Partial>>> parts = new ArrayList<>();
    Set<Integer> left = new TreeSet<>(partitions);
    Set<Integer> here = new TreeSet<>(standbys.getOrDefault(self, Set.of()));
    here.retainAll(left);
    if (!here.isEmpty()) {
      left.removeAll(here);
      parts.add(CompletableFuture.supplyAsync(() -> List.of(local.apply(here, true)), LOCAL));
    }
    for (Map.Entry<HostInfo, Set<Integer>> standby : standbys.entrySet()) {
      Set<Integer> theirs = new TreeSet<>(standby.getValue());
      theirs.retainAll(left);
      if (!theirs.isEmpty() && !standby.getKey().equals(self)) {
        left.removeAll(theirs);
        parts.add(ask(request, standby.getKey(), theirs));
      }
    }
    if (!left.isEmpty()) {
      return CompletableFuture.failedFuture(unavailable(store));
    }
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
        .thenApply(done -> parts.stream().flatMap(part -> part.join().stream()).toList());
  }

  /** Asks another instance for its part, which it answers from its own copies. */
  private CompletableFuture<List<Partial>> ask(
      Request request, HostInfo host, Set<Integer> partitions) {
    Map<String, String> headers = new HashMap<>(request.headers());
    headers.put(
        Forwarder.PARTITIONS,
        partitions.stream().map(String::valueOf).collect(Collectors.joining(",")));
    return forwarder
        .get(host, request.pathAndQuery(), headers, request.maxWait())
        .thenApply(ListGather::parsed);
  }

  private static List<Partial> parsed(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("a part of the list failed: " + response.statusCode());
    }
    try {
      JsonNode body = JSON.readTree(response.body());
      List<Partial.Entry> entries = new ArrayList<>();
      body.get("entries")
          .forEach(e -> entries.add(new Partial.Entry(e.get("key").asText(), e.get("item"))));
      JsonNode last = body.get("last");
      return List.of(
          new Partial(entries, last.isNull() ? null : last.asText(), body.get("more").asBoolean()));
    } catch (IOException e) {
      throw new UncheckedIOException("a part of the list is not JSON", e);
    }
  }

  /** The partitions of the store each instance holds, as active or as standby. */
  private Map<HostInfo, Set<Integer>> placement(String store, boolean standbys) {
    Map<HostInfo, Set<Integer>> placement = new HashMap<>();
    for (int partition : all) {
      KeyQueryMetadata where = metadata(store, partition);
      if (where == null) {
        continue;
      }
      Set<HostInfo> hosts = standbys ? where.standbyHosts() : Set.of(where.activeHost());
      hosts.forEach(host -> placement.computeIfAbsent(host, h -> new TreeSet<>()).add(partition));
    }
    return placement;
  }

  /** Where a partition of a store lives, asked as for a key that goes to that partition. */
  private KeyQueryMetadata metadata(String store, int partition) {
    StreamPartitioner<String, Object> to =
        (topic, key, value, count) -> Optional.of(Set.of(partition));
    try {
      KeyQueryMetadata where = streams.queryMetadataForKey(store, "", to);
      return where == null || where.equals(KeyQueryMetadata.NOT_AVAILABLE) ? null : where;
    } catch (RuntimeException e) {
      return null; // not running yet: nothing is placed
    }
  }

  /** The partitions a forwarded list query asks this instance for. */
  static Set<Integer> partitions(String header) {
    return Arrays.stream(header.split(","))
        .map(String::trim)
        .map(Integer::valueOf)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static ApiException unavailable(String store) {
    return ApiException.unavailable(
        "active_unavailable",
        "An instance that holds part of "
            + store
            + " cannot answer now; retry shortly, or leave out consistency=strong to accept"
            + " standbys' copies.",
        RETRY_AFTER);
  }
}
