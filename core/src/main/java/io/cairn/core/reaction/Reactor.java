package io.cairn.core.reaction;

/**
 * A process manager's behaviour as two pure functions, like a decider's: no I/O and no clock, the
 * time comes with each input.
 *
 * @param <S> the process's state (a record); {@code null} may stand for one not started yet
 * @param <M> the messages its sources route to it (a sealed interface of records)
 */
public interface Reactor<S, M> {

  /** The state of a process before its first input. */
  S initialState();

  /** What the process does on an input, and the state it is in after it. */
  Step<S> react(S state, Input<M> input);
}
