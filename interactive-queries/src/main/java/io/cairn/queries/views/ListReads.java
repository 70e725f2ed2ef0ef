package io.cairn.queries.views;

import io.cairn.core.view.ListProjection;
import io.cairn.core.view.Projection;
import io.cairn.core.view.ViewLookup;
import io.cairn.engine.views.stores.ViewEntry;
import io.cairn.engine.views.stores.ViewStores;
import io.cairn.queries.http.Cursor;
import io.cairn.queries.routing.ListPart;
import io.cairn.queries.routing.OrderedScan;
import io.cairn.queries.routing.Page;
import io.cairn.queries.stores.StoreReader;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Lists, page by page in key order: a whole view merged from all its partitions, or the rows of a
 * list view under one key. A page stops at its limit, or after {@link OrderedScan#SCAN_LIMIT}
 * entries looked at, so a rare filter costs a bounded time per page; its cursor then resumes after
 * the last entry looked at, and a page may hold fewer items than its limit while more follow.
 */
final class ListReads {
  private final StoreReader reader;
  private final ViewLookup lookup;

  ListReads(StoreReader reader, ViewLookup lookup) {
    this.reader = reader;
    this.lookup = lookup;
  }

  /**
   * The part of a page of a view's entries that exist and pass the filters, in id order, that some
   * partitions hold: what one instance adds to a list gathered from all of them.
   */
  <V> ListPart part(Projection<V> projection, PageParams params, Set<Integer> partitions) {
    String from = params.after().map(after -> after + '\u0000').orElse(null);
    Function<ViewEntry<V>, Object> show =
        entry -> {
          V view = entry.view();
          return view != null
                  && projection.exists(view)
                  && projection.matches(view, params.filters())
              ? projection.render(view, lookup)
              : null;
        };
    return reader.readPartitions(
        ViewStores.view(projection),
        partitions,
        (Map<Integer, ReadOnlyKeyValueStore<String, ViewEntry<V>>> stores) ->
            OrderedScan.part(
                stores,
                from,
                null,
                params.limit(),
                (String key, ViewEntry<V> entry) -> show.apply(entry)));
  }

  /** A page of the rows of a list view under one key, in row order. */
  <V> Page rows(ListProjection<V> projection, String id, PageParams params) {
    String first = id + ListProjection.SEPARATOR;
    String from = params.after().map(after -> first + after + '\u0000').orElse(first);
    Function<ViewEntry<V>, Object> show =
        row -> row.view() == null ? null : projection.render(row.view(), lookup);
    return reader.read(
        ViewStores.view(projection),
        id,
        (ReadOnlyKeyValueStore<String, ViewEntry<V>> store) -> {
          try (KeyValueIterator<String, ViewEntry<V>> rows = store.range(from, id + '\u0001')) {
            return page(rows, params.limit(), show, key -> key.substring(first.length()));
          }
        });
  }

  /**
   * Reads a page off entries in order.
   *
   * @param show an entry as clients see it, or null when it is not on the list
   * @param position the position a cursor names for an entry's key
   */
  private static <V> Page page(
      KeyValueIterator<String, V> entries,
      int limit,
      Function<V, Object> show,
      UnaryOperator<String> position) {
    ListPart part = OrderedScan.part(entries, limit, show);
    String next =
        part.more() && part.last() != null ? Cursor.of(position.apply(part.last())) : null;
    return new Page(part.entries().stream().map(ListPart.Entry::item).toList(), next);
  }
}
