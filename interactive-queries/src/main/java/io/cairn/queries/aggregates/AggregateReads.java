package io.cairn.queries.aggregates;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.engine.views.stores.AggregateEntry;
import io.cairn.engine.views.stores.DecodedEvent;
import io.cairn.engine.views.stores.HistoryEntry;
import io.cairn.engine.views.stores.HistoryReplay;
import io.cairn.engine.views.stores.OrderedKey;
import io.cairn.engine.views.stores.ViewStores;
import io.cairn.queries.stores.StoreReader;
import io.cairn.web.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * An aggregate as the views keep it: its state as folded, and its history of events, from which it
 * is folded again as of any instant.
 */
public final class AggregateReads {
  private final StoreReader reader;
  private final HistoryReplay replay;

  /**
   * @param reader the stores to read
   * @param replay how the aggregate types' histories are folded again
   */
  public AggregateReads(StoreReader reader, HistoryReplay replay) {
    this.reader = reader;
    this.replay = replay;
  }

  /** An aggregate's state as the views folded it, if it has events. */
  public Optional<AggregateEntry<?>> state(AggregateType<?, ?, ?> type, String id) {
    return Optional.ofNullable(
        reader.read(ViewStores.aggregates(type), id, store -> store.get(id)));
  }

  /** Whether the aggregate is the customer's own, as its type declares and its state says. */
  public <C, E, S> boolean customerOwns(AggregateType<C, E, S> type, String id, String customer) {
    if (type.customers().isEmpty()) {
      return false;
    }
    S current =
        state(type, id)
            .map(entry -> type.state().cast(entry.state()))
            .orElseGet(() -> type.decider().initialState());
    return type.customers().get().mayRead(customer, id, current);
  }

  /** The aggregate as its events up to an instant made it, if it had any by then. */
  public Optional<AggregateEntry<?>> stateAsOf(AggregateType<?, ?, ?> type, String id, Instant at) {
    return HistoryReplay.latest(replayed(type, id, at));
  }

  /** An aggregate's events that happened up to an instant, each with its state after it. */
  public List<DecodedEvent> replayed(AggregateType<?, ?, ?> type, String id, Instant at) {
    try {
      return replay.replay(type.name(), id, entries(type, id).iterator(), at);
    } catch (HistoryReplay.TooLong e) {
      throw new ApiException(
          422,
          "history_too_long",
          "The history of "
              + id
              + " up to "
              + at
              + " holds more than "
              + e.maxEvents()
              + " events, more than a query folds again (queries.history.max.events).",
          Map.of("maxEvents", e.maxEvents()));
    }
  }

  /** A page of an aggregate's events, from a version on, as the events endpoint shows them. */
  public HistoryPage history(AggregateType<?, ?, ?> type, String id, long fromVersion, int limit) {
    return reader.read(
        ViewStores.history(type),
        id,
        (ReadOnlyKeyValueStore<Bytes, byte[]> store) -> {
          try (KeyValueIterator<Bytes, byte[]> events =
              store.range(OrderedKey.of(id, fromVersion), OrderedKey.of(id, Long.MAX_VALUE))) {
            return page(events, limit);
          }
        });
  }

  private List<byte[]> entries(AggregateType<?, ?, ?> type, String id) {
    return reader.read(
        ViewStores.history(type),
        id,
        (ReadOnlyKeyValueStore<Bytes, byte[]> store) -> {
          List<byte[]> entries = new ArrayList<>();
          try (KeyValueIterator<Bytes, byte[]> events =
              store.range(OrderedKey.of(id, 1), OrderedKey.of(id, Long.MAX_VALUE))) {
            events.forEachRemaining(event -> entries.add(event.value));
          }
          return entries;
        });
  }

  private static HistoryPage page(KeyValueIterator<Bytes, byte[]> events, int limit) {
    List<String> items = new ArrayList<>();
    while (events.hasNext() && items.size() < limit) {
      items.add(HistoryEntry.shown(events.next().value));
    }
    Long next = events.hasNext() ? OrderedKey.number(events.peekNextKey()) : null;
    return new HistoryPage(items, next);
  }

  /**
   * A page of events.
   *
   * @param items each event as the JSON object the API shows
   * @param nextVersion the version the next page starts at, or null on the last page
   */
  public record HistoryPage(List<String> items, Long nextVersion) {}
}
