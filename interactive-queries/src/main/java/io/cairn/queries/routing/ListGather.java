package io.cairn.queries.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.kafka.stores.Store;
import io.cairn.queries.stores.ViewsAccess;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Gathers a list from every instance: each answers for the partitions it is active for, or a
 * standby for those of an instance that cannot answer, and the parts merge in key order.
 */
public final class ListGather {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  /**
   * Where this instance reads its own part: a read that waits for a consistency token blocks its
   * thread for up to 30 s, which must be a virtual one, never the common pool's few.
   */
  private static final Executor LOCAL = task -> Thread.ofVirtual().name("list-part").start(task);

  private final ViewsAccess views;
  private final HostInfo self;
  private static final Pattern PARTITION_LIST = Pattern.compile("\\d{1,5}(\\s*,\\s*\\d{1,5})*");
  private final Forwarder forwarder;
  private final Set<Integer> all;

  /**
   * @param views the views as this instance reaches them
   * @param self this instance's advertised address
   * @param forwarder how queries reach other instances
   * @param all every partition of the views' stores
   */
  public ListGather(ViewsAccess views, HostInfo self, Forwarder forwarder, Set<Integer> all) {
    this.views = views;
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
  public CompletableFuture<Page> gather(
      Request request,
      Store<?, ?> store,
      int limit,
      BiFunction<Set<Integer>, Boolean, ListPart> local) {
    Map<HostInfo, Set<Integer>> actives = placement(store, false);
    Set<Integer> placed =
        actives.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    if (!placed.containsAll(all) && request.strong()) {
      throw unavailable(store);
    }
    List<CompletableFuture<List<ListPart>>> parts = new ArrayList<>();
    actives.forEach((host, partitions) -> parts.add(part(request, store, host, partitions, local)));
    Set<Integer> orphans = new TreeSet<>(all);
    orphans.removeAll(placed);
    if (!orphans.isEmpty()) {
      parts.add(CompletableFuture.supplyAsync(() -> List.of(local.apply(orphans, true)), LOCAL));
    }
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
        .thenApply(
            done ->
                ListPart.merge(
                    parts.stream().flatMap(part -> part.join().stream()).toList(), limit));
  }

  private CompletableFuture<List<ListPart>> part(
      Request request,
      Store<?, ?> store,
      HostInfo host,
      Set<Integer> partitions,
      BiFunction<Set<Integer>, Boolean, ListPart> local) {
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
  private CompletableFuture<List<ListPart>> fromStandbys(
      Request request,
      Store<?, ?> store,
      Set<Integer> partitions,
      BiFunction<Set<Integer>, Boolean, ListPart> local) {
    Map<HostInfo, Set<Integer>> standbys = placement(store, true);
    List<CompletableFuture<List<ListPart>>> parts = new ArrayList<>();
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
  private CompletableFuture<List<ListPart>> ask(
      Request request, HostInfo host, Set<Integer> partitions) {
    Map<String, String> headers = new HashMap<>(request.headers());
    headers.put(
        Forwarder.PARTITIONS,
        partitions.stream().map(String::valueOf).collect(Collectors.joining(",")));
    return forwarder
        .get(host, request.pathAndQuery(), headers, request.maxWait())
        .thenApply(ListGather::parsed);
  }

  private static List<ListPart> parsed(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("a part of the list failed: " + response.statusCode());
    }
    try {
      JsonNode body = JSON.readTree(response.body());
      List<ListPart.Entry> entries = new ArrayList<>();
      body.get("entries")
          .forEach(e -> entries.add(new ListPart.Entry(e.get("key").asText(), e.get("item"))));
      JsonNode last = body.get("last");
      return List.of(
          new ListPart(
              entries, last.isNull() ? null : last.asText(), body.get("more").asBoolean()));
    } catch (IOException e) {
      throw new UncheckedIOException("a part of the list is not JSON", e);
    }
  }

  /** The partitions of the store each instance holds, as active or as standby. */
  private Map<HostInfo, Set<Integer>> placement(Store<?, ?> store, boolean standbys) {
    Map<HostInfo, Set<Integer>> placement = new HashMap<>();
    for (int partition : all) {
      KeyQueryMetadata where = views.where(store, partition);
      if (where == null) {
        continue;
      }
      Set<HostInfo> hosts = standbys ? where.standbyHosts() : Set.of(where.activeHost());
      hosts.forEach(host -> placement.computeIfAbsent(host, h -> new TreeSet<>()).add(partition));
    }
    return placement;
  }

  /** The partitions a forwarded list query asks this instance for. */
  public static Set<Integer> partitions(String header) {
    if (!PARTITION_LIST.matcher(header).matches()) {
      throw new ApiException(
          400, "bad_request", Forwarder.PARTITIONS + " is a comma-separated list of partitions.");
    }
    return Arrays.stream(header.split(","))
        .map(String::trim)
        .map(Integer::valueOf)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static ApiException unavailable(Store<?, ?> store) {
    return ApiException.unavailable(
        "active_unavailable",
        "An instance that holds part of "
            + store.name()
            + " cannot answer now; retry shortly, or leave out consistency=strong to accept"
            + " standbys' copies.",
        RETRY_AFTER);
  }
}
