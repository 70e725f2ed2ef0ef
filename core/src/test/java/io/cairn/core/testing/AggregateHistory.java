package io.cairn.core.testing;

import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.view.SourcedEvent;
import java.time.Duration;
import java.time.Instant;

/**
 * One aggregate's events as the views receive them, folded with the aggregate type's own decider as
 * the engine folds them, a minute apart from a fixed start.
 *
 * @param <E> the aggregate type's events
 * @param <S> its state
 */
public final class AggregateHistory<E, S> {
  /** When a history starts unless told otherwise. */
  public static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

  private final AggregateType<?, E, S> type;
  private final String id;
  private S state;
  private long version;
  private Instant at;
  private Instant createdAt;

  /** A history of an aggregate with no events yet, starting at the given instant. */
  public AggregateHistory(AggregateType<?, E, S> type, String id, Instant start) {
    this.type = type;
    this.id = id;
    this.state = type.decider().initialState();
    this.at = start;
  }

  /** A history of an aggregate with no events yet, starting at {@link #START}. */
  public AggregateHistory(AggregateType<?, E, S> type, String id) {
    this(type, id, START);
  }

  /** The aggregate's next event, a minute after the one before, with its state after it. */
  public Happened<E, S> then(E event) {
    state = type.decider().evolve(state, event);
    version++;
    at = at.plus(Duration.ofMinutes(1));
    if (version == 1) {
      createdAt = at;
    }
    return new Happened<>(
        type, new SourcedEvent<>(event, new Aggregate<>(id, version, createdAt, at, state)));
  }

  /**
   * An event of an aggregate type, as the engine hands it to the views.
   *
   * @param type the aggregate type
   * @param event the event with its aggregate after it
   * @param <E> the aggregate type's events
   * @param <S> its state
   */
  public record Happened<E, S>(AggregateType<?, E, S> type, SourcedEvent<E, S> event) {}
}
