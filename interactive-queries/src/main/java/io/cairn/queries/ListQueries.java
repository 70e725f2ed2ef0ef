package io.cairn.queries;

import io.cairn.topology.views.ListProjection;
import io.cairn.topology.views.Lookup;
import io.cairn.topology.views.Projection;
import io.cairn.topology.views.Stamped;
import io.cairn.topology.views.ViewStores;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Lists, page by page in key order: a whole view merged from all its partitions, or the rows of a
 * list view under one key. A page stops at its limit, or after {@link #SCAN_LIMIT} entries looked
 * at, so a rare filter costs a bounded time per page; its cursor then resumes after the last entry
 * looked at, and a page may hold fewer items than its limit while more follow.
 */
final class ListQueries {
  static final int SCAN_LIMIT = 10_000;

  private final StoreReader reader;
  private final Lookup lookup;

  ListQueries(StoreReader reader, Lookup lookup) {
    this.reader = reader;
    this.lookup = lookup;
  }

  /**
   * The part of a page of a view's entries that exist and pass the filters, in id order, that some
   * partitions hold: what one instance adds to a list gathered from all of them.
   */
  <V> Partial partial(Projection<V> projection, PageParams params, Set<Integer> partitions) {
    String from = params.after().map(after -> after + '\u0000').orElse(null);
    Function<Stamped<V>, Object> show =
        entry -> {
          V view = entry.view();
          return view != null
                  && projection.exists(view)
                  && projection.matches(view, params.filters())
              ? projection.render(view, lookup)
              : null;
        };
    return reader.readPartitions(
        ViewStores.view(projection.name()),
        partitions,
        (Map<Integer, ReadOnlyKeyValueStore<String, Stamped<V>>> stores) -> {
          List<KeyValueIterator<String, Stamped<V>>> ranges = new ArrayList<>();
          try {
            stores.values().forEach(store -> ranges.add(store.range(from, null)));
            return partial(merged(ranges), params.limit(), show);
          } finally {
            ranges.forEach(KeyValueIterator::close);
          }
        });
  }

  /** A page of the rows of a list view under one key, in row order. */
  <V> Page rows(ListProjection<V> projection, String id, PageParams params) {
    String first = id + ListProjection.SEPARATOR;
    String from = params.after().map(after -> first + after + '\u0000').orElse(first);
    Function<Stamped<V>, Object> show =
        row -> row.view() == null ? null : projection.render(row.view(), lookup);
    return reader.read(
        ViewStores.view(projection.name()),
        id,
        (ReadOnlyKeyValueStore<String, Stamped<V>> store) -> {
          try (KeyValueIterator<String, Stamped<V>> rows = store.range(from, id + '\u0001')) {
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
    Partial part = partial(entries, limit, show);
    String next =
        part.more() && part.last() != null ? Cursor.of(position.apply(part.last())) : null;
    return new Page(part.entries().stream().map(Partial.Entry::item).toList(), next);
  }

  private static <V> Partial partial(
      KeyValueIterator<String, V> entries, int limit, Function<V, Object> show) {
    List<Partial.Entry> items = new ArrayList<>();
    String last = null;
    int scanned = 0;
    while (entries.hasNext() && items.size() < limit && scanned < SCAN_LIMIT) {
      KeyValue<String, V> entry = entries.next();
      scanned++;
      last = entry.key;
      Object item = show.apply(entry.value);
      if (item != null) {
        items.add(new Partial.Entry(entry.key, item));
      }
    }
    return new Partial(items, last, entries.hasNext());
  }

  /** The entries of every partition, as one iterator in key order. */
  private static <V> KeyValueIterator<String, V> merged(
      List<KeyValueIterator<String, V>> partitions) {
    PriorityQueue<KeyValueIterator<String, V>> heads =
        new PriorityQueue<>(Comparator.comparing(KeyValueIterator::peekNextKey));
    partitions.stream().filter(KeyValueIterator::hasNext).forEach(heads::add);
    return new KeyValueIterator<>() {
      @Override
      public boolean hasNext() {
        return !heads.isEmpty();
      }

      @Override
      public KeyValue<String, V> next() {
        KeyValueIterator<String, V> head = heads.poll();
        KeyValue<String, V> entry = head.next();
        if (head.hasNext()) {
          heads.add(head);
        }
        return entry;
      }

      @Override
      public String peekNextKey() {
        return heads.peek().peekNextKey();
      }

      @Override
      public void close() {
        // The list closes the partitions' iterators.
      }
    };
  }

  /**
   * A page of a list.
   *
   * @param items the items as clients see them
   * @param nextCursor where the next page starts, or null on the last page
   */
  record Page(List<Object> items, String nextCursor) {}
}
