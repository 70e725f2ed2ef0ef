package io.cairn.queries;

import io.cairn.topology.views.AggregateEntry;
import io.cairn.topology.views.HistoryReplay;
import io.cairn.topology.views.Lookup;
import io.cairn.topology.views.Projection;
import io.cairn.topology.views.SourcedEvent;
import io.cairn.topology.views.ViewStores;
import io.cairn.topology.views.ViewVersions;
import io.cairn.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers as of an instant. A view is read from the versions it keeps, within their retention; an
 * older instant is folded again from the event history, which a view of one entity's own events
 * allows. An aggregate's state is always folded from its history, which is never cut.
 */
final class TimeTravel {
  private final StoreReader reader;
  private final ViewCatalog catalog;
  private final ViewQueries views;
  private final HistoryReplay replay;
  private final Duration retention;
  private final Clock clock;
  private final Map<String, ViewVersions<?>> versionsOf = new ConcurrentHashMap<>();

  TimeTravel(
      StoreReader reader,
      ViewCatalog catalog,
      ViewQueries views,
      HistoryReplay replay,
      Duration retention,
      Clock clock) {
    this.reader = reader;
    this.catalog = catalog;
    this.views = views;
    this.replay = replay;
    this.retention = retention;
    this.clock = clock;
  }

  /** A view's entry for an id as clients would have seen it at an instant, if it existed then. */
  Optional<Object> view(String name, String id, Instant asOf) {
    return Optional.ofNullable(rendered(catalog.view(name), id, asOf));
  }

  private <V> Object rendered(Projection<V> projection, String id, Instant asOf) {
    V view = find(projection, id, asOf);
    return view == null ? null : projection.render(view, lookup(asOf));
  }

  /** The aggregate as its events up to an instant made it, if it had any by then. */
  Optional<AggregateEntry<?>> aggregate(String type, String id, Instant asOf) {
    return HistoryReplay.latest(events(type, id, asOf));
  }

  private <V> V find(Projection<V> projection, String id, Instant asOf) {
    V view =
        keptAt(asOf)
            ? reader
                .read(
                    ViewStores.versions(projection.name()),
                    id,
                    (ReadOnlyKeyValueStore<Bytes, byte[]> store) ->
                        versions(projection).asOf(store, id, asOf.toEpochMilli()))
                .map(ViewVersions.Version::view)
                .orElse(null)
            : refold(projection, id, asOf);
    return view != null && projection.exists(view) ? view : null;
  }

  @SuppressWarnings("unchecked")
  private <V> ViewVersions<V> versions(Projection<V> projection) {
    return (ViewVersions<V>)
        versionsOf.computeIfAbsent(projection.name(), name -> ViewVersions.of(projection));
  }

  /**
   * Whether the versions kept reach back to an instant: the views drop none that was still valid a
   * retention ago.
   */
  private boolean keptAt(Instant asOf) {
    return !asOf.isBefore(clock.instant().minus(retention));
  }

  /** The view folded again from its sources' events up to the instant. */
  private <V> V refold(Projection<V> projection, String id, Instant asOf) {
    if (!projection.rekeyed().isEmpty()) {
      throw expired(projection, asOf);
    }
    List<SourcedEvent> events = new ArrayList<>();
    for (String source : projection.sources()) {
      events.addAll(events(source, id, asOf));
    }
    return HistoryReplay.refold(projection, events);
  }

  private List<SourcedEvent> events(String type, String id, Instant asOf) {
    return replay.replay(type, id, views.historyEntries(type, id).iterator(), asOf);
  }

  private Lookup lookup(Instant asOf) {
    return new Lookup() {
      @Override
      public <T> Optional<T> find(Projection<T> view, String id) {
        return Optional.ofNullable(TimeTravel.this.find(view, id, asOf));
      }
    };
  }

  private ApiException expired(Projection<?> projection, Instant asOf) {
    return new ApiException(
        410,
        "history_expired",
        ("The %s view keeps its past versions for %s, and %s is older. It is built from other"
                + " entities' events, so it cannot be folded again from this one's history;"
                + " each aggregate's own state as of then is at /api/v1/{type}/{id}/state?asOf=.")
            .formatted(projection.name(), retention, asOf),
        Map.of("view", projection.name(), "asOf", asOf.toString(), "kept", retention.toString()));
  }
}
