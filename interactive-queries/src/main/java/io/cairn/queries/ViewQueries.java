package io.cairn.queries;

import io.cairn.topology.views.HistoryKey;
import io.cairn.topology.views.Projection;
import io.cairn.topology.views.ViewStores;
import io.cairn.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.state.KeyValueIterator;

/** The read side's questions, answered from the views' stores of this instance. */
public final class ViewQueries {
  private final StoreReader reader;
  private final Map<String, Projection<?>> views;
  private final Set<String> types;

  /**
   * @param streams the running views application
   * @param partitions the partition count of the event topics
   * @param views the views it keeps
   * @param types the aggregate types whose histories it keeps
   */
  public ViewQueries(
      KafkaStreams streams, int partitions, List<Projection<?>> views, Set<String> types) {
    this.reader = new StoreReader(streams, partitions);
    this.views =
        views.stream().collect(Collectors.toUnmodifiableMap(Projection::name, Function.identity()));
    this.types = Set.copyOf(types);
  }

  /** A view's entry for an id, if the entity exists. */
  public Optional<Object> view(String name, String id) {
    Projection<?> projection = views.get(name);
    if (projection == null) {
      throw new ApiException(
          404,
          "unknown_view",
          "There is no view named " + name + ".",
          Map.of("known", views.keySet().stream().sorted().toList()));
    }
    return Optional.ofNullable(find(projection, id));
  }

  private <V> V find(Projection<V> projection, String id) {
    String store = ViewStores.view(projection.name());
    V view = reader.query(store, id, KeyQuery.<String, V>withKey(id), Function.identity());
    return view != null && projection.exists(view) ? view : null;
  }

  /** A page of an aggregate's events, from a version on, as stored JSON. */
  public HistoryPage history(String type, String id, long fromVersion, int limit) {
    if (!types.contains(type)) {
      throw new ApiException(
          404,
          "unknown_aggregate_type",
          "There is no aggregate type named " + type + ".",
          Map.of("known", types.stream().sorted().toList()));
    }
    RangeQuery<Bytes, byte[]> range =
        RangeQuery.withRange(HistoryKey.of(id, fromVersion), HistoryKey.of(id, Long.MAX_VALUE));
    return reader.query(ViewStores.history(type), id, range, events -> page(events, limit));
  }

  private static HistoryPage page(KeyValueIterator<Bytes, byte[]> events, int limit) {
    try (events) {
      List<String> items = new ArrayList<>();
      while (events.hasNext() && items.size() < limit) {
        items.add(new String(events.next().value, StandardCharsets.UTF_8));
      }
      Long next = events.hasNext() ? HistoryKey.version(events.peekNextKey()) : null;
      return new HistoryPage(items, next);
    }
  }

  /**
   * A page of events.
   *
   * @param items each event as the JSON object the API shows
   * @param nextVersion the version the next page starts at, or null on the last page
   */
  public record HistoryPage(List<String> items, Long nextVersion) {}
}
