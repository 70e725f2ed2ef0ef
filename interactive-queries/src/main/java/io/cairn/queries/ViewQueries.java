package io.cairn.queries;

import io.cairn.topology.views.AggregateEntry;
import io.cairn.topology.views.HistoryEntry;
import io.cairn.topology.views.Lookup;
import io.cairn.topology.views.OrderedKey;
import io.cairn.topology.views.Projection;
import io.cairn.topology.views.Stamped;
import io.cairn.topology.views.ViewStores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The read side's questions about one entity, answered from the views' stores. */
final class ViewQueries {
  private final StoreReader reader;
  private final ViewCatalog catalog;
  private final Lookup lookup =
      new Lookup() {
        @Override
        public <T> Optional<T> find(Projection<T> view, String id) {
          return Optional.ofNullable(ViewQueries.this.find(view, id));
        }
      };

  ViewQueries(StoreReader reader, ViewCatalog catalog) {
    this.reader = reader;
    this.catalog = catalog;
  }

  /** The partition of the views' stores that holds an id. */
  int partitionOf(String id) {
    return reader.partitionOf(id);
  }

  /** The views, for rendering one from others. */
  Lookup lookup() {
    return lookup;
  }

  /** A view's entry for an id as clients see it, if the entity exists. */
  Optional<Object> view(String name, String id) {
    return Optional.ofNullable(rendered(catalog.view(name), id));
  }

  private <V> Object rendered(Projection<V> projection, String id) {
    V view = find(projection, id);
    return view == null ? null : projection.render(view, lookup);
  }

  /** A view's stored entry for an id, or null when the entity does not exist. */
  <V> V find(Projection<V> projection, String id) {
    Stamped<V> entry = entry(projection, id, id);
    V view = entry == null ? null : entry.view();
    return view != null && projection.exists(view) ? view : null;
  }

  /**
   * A view's stored entry as it is, seen versions included.
   *
   * @param key the entry's key in the store
   * @param routing the key the entry is partitioned by: the entry's key, or a list's parent key
   */
  <V> Stamped<V> entry(Projection<V> projection, String key, String routing) {
    return reader.read(
        ViewStores.view(projection.name()),
        routing,
        (ReadOnlyKeyValueStore<String, Stamped<V>> store) -> store.get(key));
  }

  /** An aggregate's state as the views folded it, if it has events. */
  Optional<AggregateEntry<?>> aggregate(String type, String id) {
    return Optional.ofNullable(
        reader.read(
            ViewStores.aggregate(catalog.type(type).name()),
            id,
            (ReadOnlyKeyValueStore<String, AggregateEntry<?>> store) -> store.get(id)));
  }

  /** A page of an aggregate's events, from a version on, as stored JSON. */
  HistoryPage history(String type, String id, long fromVersion, int limit) {
    return reader.read(
        ViewStores.history(catalog.type(type).name()),
        id,
        (ReadOnlyKeyValueStore<Bytes, byte[]> store) -> {
          try (KeyValueIterator<Bytes, byte[]> events =
              store.range(OrderedKey.of(id, fromVersion), OrderedKey.of(id, Long.MAX_VALUE))) {
            return page(events, limit);
          }
        });
  }

  /** Every event of an aggregate, as its history store keeps them, in version order. */
  List<byte[]> historyEntries(String type, String id) {
    return reader.read(
        ViewStores.history(catalog.type(type).name()),
        id,
        (ReadOnlyKeyValueStore<Bytes, byte[]> store) -> {
          List<byte[]> entries = new ArrayList<>();
          try (KeyValueIterator<Bytes, byte[]> events =
              store.range(OrderedKey.of(id, 1), OrderedKey.of(id, Long.MAX_VALUE))) {
            events.forEachRemaining(event -> entries.add(event.value));
          }
          return entries;
        });
  }

  private static HistoryPage page(KeyValueIterator<Bytes, byte[]> events, int limit) {
    List<String> items = new ArrayList<>();
    while (events.hasNext() && items.size() < limit) {
      items.add(HistoryEntry.shown(events.next().value));
    }
    Long next = events.hasNext() ? OrderedKey.number(events.peekNextKey()) : null;
    return new HistoryPage(items, next);
  }

  /**
   * A page of events.
   *
   * @param items each event as the JSON object the API shows
   * @param nextVersion the version the next page starts at, or null on the last page
   */
  record HistoryPage(List<String> items, Long nextVersion) {}
}
