package io.cairn.engine.testing;

import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.view.ListProjection;
import io.cairn.core.view.Projection;
import io.cairn.core.view.Source;
import io.cairn.core.view.ViewLookup;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.engine.views.stores.AggregateEntry;
import io.cairn.engine.views.stores.DecodedEvent;
import io.cairn.engine.views.stores.ViewEntry;
import io.cairn.engine.views.topology.EventDecoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.generic.IndexedRecord;

/**
 * The views folded straight from event envelopes, in memory, with nothing of the views topology but
 * the pure functions it runs: each aggregate's decider, each view's key and fold. What the views
 * application keeps in its stores must equal this for the same events, which is how it is checked.
 */
public final class DirectFold implements ViewLookup {
  private final Map<String, EventDecoder> decoders;
  private final Map<String, AggregateType<?, ?, ?>> types;
  private final List<Projection<?>> projections;
  private final Map<String, AggregateEntry<?>> states = new HashMap<>();
  private final Map<String, Map<String, Object>> views = new HashMap<>();

  /** An empty fold of these types' events into these views. */
  public DirectFold(List<BoundAggregate<?, ?, ?>> aggregates, List<Projection<?>> projections) {
    this.types =
        aggregates.stream()
            .map(BoundAggregate::type)
            .collect(Collectors.toMap(AggregateType::name, Function.identity()));
    this.decoders =
        aggregates.stream().collect(Collectors.toMap(BoundAggregate::name, EventDecoder::new));
    this.projections = List.copyOf(projections);
  }

  /** Folds the next event of an aggregate type, given as its envelope from the event log. */
  public void fold(String type, IndexedRecord envelope) {
    DecodedEvent event = folded(types.get(type), decoders.get(type).decode(envelope));
    for (Projection<?> projection : projections) {
      into(projection, event);
    }
  }

  private <E, S> DecodedEvent folded(AggregateType<?, E, S> type, DecodedEvent event) {
    String id = ViewEntry.source(type.name(), event.aggregateId());
    @SuppressWarnings("unchecked") // states holds each aggregate under its own type's name
    AggregateEntry<S> before = (AggregateEntry<S>) states.get(id);
    AggregateEntry<S> entry = AggregateEntry.after(type, before, event);
    states.put(id, entry);
    return event.folded(entry.createdAt(), entry.state());
  }

  private <V> void into(Projection<V> projection, DecodedEvent event) {
    Optional<Source<V, ?, ?>> source = projection.source(event.type());
    Aggregate<?> aggregate = event.aggregate();
    String key = source.map(s -> s.keyOf(aggregate)).orElse(null);
    if (key == null) {
      return;
    }
    Map<String, Object> entries = views.computeIfAbsent(projection.name(), n -> new HashMap<>());
    String storeKey = projection.storeKey(key, aggregate);
    V before = projection.viewType().cast(entries.get(storeKey));
    V after = projection.evolve(key, before, event.type(), event.event(), aggregate);
    if (after != null) {
      entries.put(storeKey, after);
    }
  }

  /** A view's entry for a key, if it is shown to clients. */
  public <V> Optional<V> view(Projection<V> projection, String key) {
    return Optional.ofNullable(views.getOrDefault(projection.name(), Map.of()).get(key))
        .map(projection.viewType()::cast)
        .filter(projection::exists);
  }

  /** A list view's rows under a key, in their order. */
  public <V> SortedMap<String, V> rows(ListProjection<V> projection, String key) {
    SortedMap<String, V> rows = new TreeMap<>();
    views
        .getOrDefault(projection.name(), Map.of())
        .forEach(
            (storeKey, row) -> {
              if (storeKey.startsWith(key + ListProjection.SEPARATOR)) {
                rows.put(storeKey, projection.viewType().cast(row));
              }
            });
    return rows;
  }

  /** An aggregate's state after its events so far, if it has any. */
  public Optional<AggregateEntry<?>> aggregate(String type, String id) {
    return Optional.ofNullable(states.get(ViewEntry.source(type, id)));
  }

  @Override
  public <T> Optional<T> find(Projection<T> view, String id) {
    return view(view, id);
  }
}
