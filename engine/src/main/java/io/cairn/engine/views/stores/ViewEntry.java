package io.cairn.engine.views.stores;

import java.util.HashMap;
import java.util.Map;

/**
 * A view's stored entry: the view, and the latest version of each aggregate folded into it. A query
 * carrying a command's consistency token waits until the entry has seen the command's version, even
 * when the command left the view itself unchanged.
 *
 * @param view the view; null while no event has made one
 * @param seen the latest version folded in, by {@link #source} of the aggregate
 * @param versionedAt for a view that keeps its past versions, the time its latest kept version is
 *     valid from (epoch milliseconds), so the next one is filed without reading it back; null when
 *     none is kept yet, or the entry was stored before entries noted it
 * @param <V> the view's record
 */
public record ViewEntry<V>(V view, Map<String, Long> seen, Long versionedAt) {

  /** Copies the map, which the fold must not share. */
  public ViewEntry {
    seen = Map.copyOf(seen);
  }

  /** How {@link #seen} names an aggregate. */
  public static String source(String type, String aggregateId) {
    return type + "/" + aggregateId;
  }

  /** Whether the entry has folded in an aggregate's events up to a version. */
  public boolean hasSeen(String type, String aggregateId, long version) {
    return seen.getOrDefault(source(type, aggregateId), 0L) >= version;
  }

  /**
   * The entry after an event: the new view, and the event's aggregate version noted.
   *
   * @param versionedAt when the view's latest kept version is valid from, after the event
   */
  public ViewEntry<V> after(V next, DecodedEvent event, Long versionedAt) {
    Map<String, Long> updated = new HashMap<>(seen);
    updated.put(source(event.type(), event.aggregateId()), event.version());
    return new ViewEntry<>(next, updated, versionedAt);
  }

  /** An entry before any event. */
  public static <V> ViewEntry<V> empty() {
    return new ViewEntry<>(null, Map.of(), null);
  }
}
