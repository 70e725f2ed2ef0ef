package io.cairn.queries.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads a part of a list off a store's entries in key order: up to a page of the entries a filter
 * keeps, looking at no more than {@link #SCAN_LIMIT} entries, so a rare filter costs a bounded time
 * per page and the next page resumes after the last entry looked at.
 */
public final class OrderedScan {
  /** The most entries a part looks at. */
  public static final int SCAN_LIMIT = 10_000;

  private OrderedScan() {}

  /**
   * The part of a page the entries hold.
   *
   * @param show an entry as clients see it, or null when it is not on the list
   */
  public static <V> ListPart part(
      KeyValueIterator<String, V> entries, int limit, Function<V, Object> show) {
    return part(entries, limit, (key, value) -> show.apply(value));
  }

  /**
   * The part of a page the entries hold, shown by their keys too.
   *
   * @param show an entry as clients see it, or null when it is not on the list
   */
  public static <V> ListPart part(
      KeyValueIterator<String, V> entries, int limit, BiFunction<String, V, Object> show) {
    List<ListPart.Entry> items = new ArrayList<>();
    String last = null;
    int scanned = 0;
    while (entries.hasNext() && items.size() < limit && scanned < SCAN_LIMIT) {
      KeyValue<String, V> entry = entries.next();
      scanned++;
      last = entry.key;
      Object item = show.apply(entry.key, entry.value);
      if (item != null) {
        items.add(new ListPart.Entry(entry.key, item));
      }
    }
    return new ListPart(items, last, entries.hasNext());
  }

  /**
   * The part of a page some partitions hold from one key to another, each inclusive and null for no
   * bound, read off their stores in key order; the ranges it opens, it closes.
   *
   * @param show an entry as clients see it, by its key and value, or null when it is not listed
   */
  public static <V> ListPart part(
      Map<Integer, ReadOnlyKeyValueStore<String, V>> stores,
      String from,
      String to,
      int limit,
      BiFunction<String, V, Object> show) {
    List<KeyValueIterator<String, V>> ranges = new ArrayList<>();
    try {
      stores.values().forEach(store -> ranges.add(store.range(from, to)));
      return part(merged(ranges), limit, show);
    } finally {
      ranges.forEach(KeyValueIterator::close);
    }
  }

  /** The entries of every partition, as one iterator in key order; the caller closes them. */
  public static <V> KeyValueIterator<String, V> merged(
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
        // The caller closes the partitions' iterators.
      }
    };
  }
}
