package io.cairn.core.testing;

import io.cairn.core.view.Projection;
import io.cairn.core.view.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Given-events specifications of a projection, without Kafka: each event goes where the engine
 * files it (its source's key, the row of a list) and is folded as the engine folds it; then the
 * view's entries are read back.
 *
 * @param <V> the view
 */
public final class ProjectionSpec<V> {
  private final Projection<V> projection;
  private final Map<String, V> entries = new TreeMap<>();

  private ProjectionSpec(Projection<V> projection) {
    this.projection = projection;
  }

  /** A specification of a projection with no events folded yet. */
  public static <V> ProjectionSpec<V> of(Projection<V> projection) {
    return new ProjectionSpec<>(projection);
  }

  /** The view after these events too, in this order; events of types it does not read pass by. */
  public ProjectionSpec<V> given(AggregateHistory.Happened<?, ?>... events) {
    for (AggregateHistory.Happened<?, ?> happened : events) {
      fold(happened);
    }
    return this;
  }

  /** The entry under a key, or null when none was made. */
  public V view(String key) {
    return entries.get(key);
  }

  /** The rows of a list view under a key, in row order. */
  public List<V> rows(String key) {
    List<V> rows = new ArrayList<>();
    entries.forEach(
        (storeKey, row) -> {
          if (storeKey.startsWith(key + '\u0000')) {
            rows.add(row);
          }
        });
    return rows;
  }

  private void fold(AggregateHistory.Happened<?, ?> happened) {
    String type = happened.type().name();
    Optional<Source<V, ?, ?>> source = projection.source(type);
    if (source.isEmpty()) {
      return;
    }
    var aggregate = happened.event().aggregate();
    String key = source.get().keyOf(aggregate);
    if (key == null) {
      return;
    }
    String storeKey = projection.storeKey(key, aggregate);
    V after =
        projection.evolve(key, entries.get(storeKey), type, happened.event().event(), aggregate);
    if (after != null) {
      entries.put(storeKey, after);
    }
  }
}
