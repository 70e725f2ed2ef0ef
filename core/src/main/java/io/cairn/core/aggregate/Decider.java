package io.cairn.core.aggregate;

/**
 * An aggregate's behaviour as three pure functions: no I/O, no clock, no Kafka. The engine loads
 * the state, asks {@link #decide}, appends the events, and folds them in with {@link #evolve}.
 *
 * @param <C> the aggregate's commands (a sealed interface of records)
 * @param <E> its events (a sealed interface of records)
 * @param <S> its state (a record); {@code null} stands for an aggregate that does not exist yet
 */
public interface Decider<C, E, S> {

  /** The state before the first event: {@code null} when the aggregate must be created first. */
  S initialState();

  /**
   * What a command does to a state: the events it causes (none for "no change"), or a rejection.
   */
  Decision<E> decide(C command, S state);

  /** The state after an event. */
  S evolve(S state, E event);
}
