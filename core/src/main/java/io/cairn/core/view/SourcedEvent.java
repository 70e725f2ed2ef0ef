package io.cairn.core.view;

import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.aggregate.AggregateType;
import java.time.Instant;

/**
 * An event as a view receives it: the domain event, with its aggregate as the event left it, so a
 * view can use what an event does not repeat (an order's customer, on the order's later events).
 *
 * @param event the domain event
 * @param aggregate its aggregate after it: id, version, creation time and state
 * @param <E> the aggregate type's events
 * @param <S> the aggregate type's state
 */
public record SourcedEvent<E, S>(E event, Aggregate<S> aggregate) {

  /**
   * An event the engine read off a log, checked to be one of the aggregate type's events, with its
   * aggregate's state checked to be the type's.
   *
   * @throws ClassCastException when the event or the state is not of that type
   */
  public static <E, S> SourcedEvent<E, S> of(
      AggregateType<?, E, S> type, Object event, Aggregate<?> aggregate) {
    Aggregate<S> typed =
        new Aggregate<>(
            aggregate.id(),
            aggregate.version(),
            aggregate.createdAt(),
            aggregate.updatedAt(),
            type.state().cast(aggregate.state()));
    return new SourcedEvent<>(type.events().cast(event), typed);
  }

  /** The aggregate the event belongs to. */
  public String aggregateId() {
    return aggregate.id();
  }

  /** When the event happened. */
  public Instant occurredAt() {
    return aggregate.updatedAt();
  }

  /** When the aggregate's first event happened. */
  public Instant createdAt() {
    return aggregate.createdAt();
  }

  /** The aggregate's state after the event. */
  public S state() {
    return aggregate.state();
  }
}
