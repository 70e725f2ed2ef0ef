package io.cairn.core.reaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A process manager's answer to an input: its state after it, the commands it sends, the deadlines
 * it sets and cancels, and its status. Built fluently: {@code Step.to(state).send(...)
 * .schedule("payment", at)}.
 *
 * @param state the process's state after the input
 * @param status its status after the input
 * @param commands the commands it sends, in order
 * @param scheduled the deadlines it sets, replacing any of the same names
 * @param cancelled the names of the deadlines it cancels
 * @param <S> the process's state
 */
public record Step<S>(
    S state,
    ProcessStatus status,
    List<Send> commands,
    List<Deadline> scheduled,
    List<String> cancelled) {

  /** Freezes the lists. */
  public Step {
    Objects.requireNonNull(status, "status");
    commands = List.copyOf(commands);
    scheduled = List.copyOf(scheduled);
    cancelled = List.copyOf(cancelled);
  }

  /** A running process in the given state, sending nothing yet. */
  public static <S> Step<S> to(S state) {
    return new Step<>(state, ProcessStatus.RUNNING, List.of(), List.of(), List.of());
  }

  /** This step, also sending these commands. */
  public Step<S> send(Send... more) {
    return send(List.of(more));
  }

  /** This step, also sending these commands. */
  public Step<S> send(List<Send> more) {
    return new Step<>(state, status, concat(commands, more), scheduled, cancelled);
  }

  /** This step, also setting a deadline. */
  public Step<S> schedule(String name, Instant at) {
    return new Step<>(
        state, status, commands, concat(scheduled, List.of(new Deadline(name, at))), cancelled);
  }

  /** This step, also cancelling a deadline; cancelling one that is not set does nothing. */
  public Step<S> cancel(String name) {
    return new Step<>(state, status, commands, scheduled, concat(cancelled, List.of(name)));
  }

  /** This step, ending the process as done. */
  public Step<S> completed() {
    return ending(ProcessStatus.COMPLETED);
  }

  /** This step, ending the process as undone. */
  public Step<S> compensated() {
    return ending(ProcessStatus.COMPENSATED);
  }

  /** This step, ending the process as stuck for a person to look at. */
  public Step<S> failed() {
    return ending(ProcessStatus.FAILED);
  }

  private Step<S> ending(ProcessStatus ended) {
    return new Step<>(state, ended, commands, scheduled, cancelled);
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
