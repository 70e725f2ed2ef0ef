package io.cairn.queries.views;

import io.cairn.core.view.Projection;
import io.cairn.engine.views.stores.HistoryReplay;
import io.cairn.engine.views.stores.PastVersions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every query as of an instant shares: how long the views keep their past versions and the
 * clock that says how far back that reaches now, how each view's versions are read, and how the
 * aggregates' histories are folded again for older instants.
 */
public final class PastViews {
  private final Duration retention;
  private final Clock clock;
  private final HistoryReplay replay;
  private final Map<String, PastVersions<?>> versions = new ConcurrentHashMap<>();

  /**
   * @param retention how long the views keep their past versions
   * @param clock the views' clock, on which the retention is measured
   * @param replay how the aggregate types' histories are folded again
   */
  public PastViews(Duration retention, Clock clock, HistoryReplay replay) {
    this.retention = retention;
    this.clock = clock;
    this.replay = replay;
  }

  /** How a view's past versions are read. */
  @SuppressWarnings("unchecked") // each view's versions are kept under its own name
  <V> PastVersions<V> of(Projection<V> projection) {
    return (PastVersions<V>)
        versions.computeIfAbsent(projection.name(), name -> PastVersions.of(projection));
  }

  /** Whether the versions kept reach back to an instant: none still valid then is dropped. */
  boolean kept(Instant at) {
    return !at.isBefore(clock.instant().minus(retention));
  }

  Duration retention() {
    return retention;
  }

  HistoryReplay replay() {
    return replay;
  }
}
