package io.cairn.engine.views.topology;

import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.view.Projection;
import io.cairn.engine.views.stores.DecodedEvent;
import io.cairn.engine.views.stores.PastVersions;
import io.cairn.engine.views.stores.ViewEntry;
import io.cairn.engine.views.stores.ViewStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The shell around a {@link Projection}: load the entry, fold the event into its view, store it
 * with the event's version noted, so read-your-writes sees every event, even one that changed
 * nothing; and, for a view that keeps its versions, file a changed view under the event's time.
 */
final class ProjectionProcessor<V> implements Processor<String, DecodedEvent, Void, Void> {
  /** How often a slice of the versions is swept; see {@link VersionSweep}. */
  static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

  private final Projection<V> projection;
  private final ViewLag lag;
  private final Duration retention;
  private final Clock clock;
  private final PastVersions<V> versions;
  private KeyValueStore<String, ViewEntry<V>> store;
  private KeyValueStore<Bytes, byte[]> versionStore;
  private VersionSweep sweep;

  ProjectionProcessor(Projection<V> projection, ViewLag lag, Duration retention, Clock clock) {
    this.projection = projection;
    this.lag = lag;
    this.retention = retention;
    this.clock = clock;
    this.versions = PastVersions.of(projection);
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = ViewStores.view(projection).in(context);
    if (ViewStores.keepsVersions(projection)) {
      versionStore = ViewStores.versions(projection).in(context);
      sweep = new VersionSweep(versionStore, retention, VersionSweep.MIN_SLICE);
      // The slice measures the retention on the injected clock, as queries as of an instant do.
      context.schedule(
          SWEEP_EVERY, PunctuationType.WALL_CLOCK_TIME, wallClock -> sweep.slice(clock.millis()));
    }
  }

  @Override
  public void process(Record<String, DecodedEvent> record) {
    DecodedEvent event = record.value();
    Aggregate<?> aggregate = event.aggregate();
    String key = projection.storeKey(record.key(), aggregate);
    ViewEntry<V> before = store.get(key);
    ViewEntry<V> entry = before == null ? ViewEntry.empty() : before;
    V after = projection.evolve(record.key(), entry.view(), event.type(), event.event(), aggregate);
    Long versionedAt = entry.versionedAt();
    if (versionStore != null && after != null && !Objects.equals(after, entry.view())) {
      versionedAt = keepVersion(key, after, event.occurredAt(), entry);
    }
    store.put(key, entry.after(after, event, versionedAt));
    lag.record(projection.name(), event.occurredAt());
  }

  /**
   * Files the view as valid from the event's time, or from its previous version's when a clock
   * behind the others wrote the event: a version must never predate the one it follows, which it
   * would otherwise rewrite into the past. The entry notes when its latest version starts; only an
   * entry stored before it did so has the versions store read back.
   *
   * @return when the filed version is valid from
   */
  private long keepVersion(String key, V view, Instant at, ViewEntry<V> entry) {
    Long previous = entry.versionedAt();
    if (previous == null && entry.view() != null) {
      previous =
          versions.latest(versionStore, key).map(PastVersions.Version::validFrom).orElse(null);
    }
    long from = previous == null ? at.toEpochMilli() : Math.max(at.toEpochMilli(), previous);
    versions.put(versionStore, key, view, from);
    sweep.filed();
    return from;
  }
}
