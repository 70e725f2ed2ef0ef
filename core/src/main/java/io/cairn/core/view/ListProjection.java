package io.cairn.core.view;

import io.cairn.core.aggregate.Aggregate;
import java.time.Instant;

/**
 * A view of many rows under one key, such as a customer's orders: each row is filed under its key
 * and a row key, and a page of them is one range scan of the key's rows in row-key order. It is
 * served under its parent's path: {@code /api/v1/<parent>/<id>/<segment>}.
 *
 * @param <V> the row's record
 */
public interface ListProjection<V> extends Projection<V> {
  /** Separates the key from the row key; ids never hold it, so it also ends a key's rows. */
  char SEPARATOR = '\u0000';

  /** The entity the rows belong to, in the path ({@code customers}). */
  String parent();

  /** The rows' name under it, in the path ({@code orders}). */
  String segment();

  /**
   * The row an aggregate's events change, ordered among its key's rows by this; like a {@link
   * ViewKey}, taken from the aggregate, not from an event.
   */
  String rowOf(Aggregate<?> aggregate);

  @Override
  default String storeKey(String key, Aggregate<?> aggregate) {
    return key + SEPARATOR + rowOf(aggregate);
  }

  /** A row key that puts the latest first, and equal instants in id order. */
  static String newestFirst(Instant at, String id) {
    return "%019d".formatted(Long.MAX_VALUE - at.toEpochMilli()) + id;
  }
}
