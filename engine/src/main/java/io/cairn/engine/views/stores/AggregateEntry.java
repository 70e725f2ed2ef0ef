package io.cairn.engine.views.stores;

import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.aggregate.AggregateType;
import java.time.Instant;

/**
 * An aggregate as the views fold it from its own events with its decider, kept by id: what the
 * aggregate endpoints show, and the state the views hand to projections with each event.
 *
 * @param version the version of its latest event
 * @param createdAt when its first event happened
 * @param updatedAt when its latest event happened
 * @param state its state after the latest event
 * @param <S> the aggregate's state type
 */
public record AggregateEntry<S>(long version, Instant createdAt, Instant updatedAt, S state) {

  /**
   * An aggregate after its next event, folded with its type's decider.
   *
   * @param before the aggregate before the event; null before its first
   */
  public static <E, S> AggregateEntry<S> after(
      AggregateType<?, E, S> type, AggregateEntry<S> before, DecodedEvent event) {
    S state = before == null ? type.decider().initialState() : before.state();
    return new AggregateEntry<>(
        event.version(),
        before == null ? event.occurredAt() : before.createdAt(),
        event.occurredAt(),
        type.decider().evolve(state, type.events().cast(event.event())));
  }

  /** The aggregate of an id as this entry keeps it. */
  public Aggregate<S> of(String id) {
    return new Aggregate<>(id, version, createdAt, updatedAt, state);
  }
}
