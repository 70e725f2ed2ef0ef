package io.cairn.queries.views;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.view.Projection;
import io.cairn.core.view.Source;
import io.cairn.core.view.ViewLookup;
import io.cairn.engine.views.stores.DecodedEvent;
import io.cairn.engine.views.stores.HistoryReplay;
import io.cairn.engine.views.stores.PastVersions;
import io.cairn.engine.views.stores.ViewStores;
import io.cairn.queries.aggregates.AggregateReads;
import io.cairn.queries.stores.StoreReader;
import io.cairn.web.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Views as of an instant. A view is read from the versions it keeps, within their retention; an
 * older instant is folded again from the event history, which a view of one entity's own events
 * allows. Views it is shown with are looked up as of the same instant.
 */
final class TimeTravel {
  private final StoreReader reader;
  private final PastViews past;
  private final AggregateReads aggregates;

  TimeTravel(StoreReader reader, PastViews past) {
    this.reader = reader;
    this.past = past;
    this.aggregates = new AggregateReads(reader, past.replay());
  }

  /** A view's entry for an id as clients would have seen it at an instant, if it existed then. */
  <V> Optional<Object> shown(Projection<V> projection, String id, Instant asOf) {
    return Optional.ofNullable(find(projection, id, asOf))
        .map(view -> projection.render(view, lookup(asOf)));
  }

  private <V> V find(Projection<V> projection, String id, Instant asOf) {
    V view =
        past.kept(asOf)
            ? reader
                .read(
                    ViewStores.versions(projection),
                    id,
                    store -> past.of(projection).asOf(store, id, asOf.toEpochMilli()))
                .map(PastVersions.Version::view)
                .orElse(null)
            : refold(projection, id, asOf);
    return view != null && projection.exists(view) ? view : null;
  }

  /** The view folded again from its sources' events up to the instant. */
  private <V> V refold(Projection<V> projection, String id, Instant asOf) {
    if (!HistoryReplay.refoldable(projection)) {
      throw expired(projection, asOf);
    }
    List<DecodedEvent> events = new ArrayList<>();
    for (Source<V, ?, ?> source : projection.sources()) {
      AggregateType<?, ?, ?> type = source.type();
      events.addAll(aggregates.replayed(type, id, asOf));
    }
    return HistoryReplay.refold(projection, id, events);
  }

  private ViewLookup lookup(Instant asOf) {
    return new ViewLookup() {
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
            .formatted(projection.name(), past.retention(), asOf),
        Map.of(
            "view",
            projection.name(),
            "asOf",
            asOf.toString(),
            "kept",
            past.retention().toString()));
  }
}
