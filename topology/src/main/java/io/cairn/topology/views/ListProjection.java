package io.cairn.topology.views;

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
   * The row an event changes, ordered among its key's rows by this; like a {@link ViewKey}, taken
   * from the aggregate (id, creation time, state), not from the event's payload.
   */
  String rowOf(SourcedEvent event);

  @Override
  default String storeKey(String key, SourcedEvent event) {
    return key + SEPARATOR + rowOf(event);
  }

  /** A row key that puts the latest first, and equal instants in id order. */
  static String newestFirst(Instant at, String id) {
    return "%019d".formatted(Long.MAX_VALUE - at.toEpochMilli()) + id;
  }
}
