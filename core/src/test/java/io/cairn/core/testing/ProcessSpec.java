package io.cairn.core.testing;

import io.cairn.core.reaction.Deadline;
import io.cairn.core.reaction.Input;
import io.cairn.core.reaction.ProcessManager;
import io.cairn.core.reaction.ProcessStatus;
import io.cairn.core.reaction.Send;
import io.cairn.core.reaction.Step;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Given-when-then specifications of a process manager, without Kafka: given what one process has
 * heard so far (events routed to it, outcomes of its commands, deadlines passed), when one more
 * input arrives, then these commands, deadlines and status. Events are routed through the process
 * manager's own routes, so the specification checks those too. As in the engine, a process that has
 * ended answers nothing more.
 *
 * @param <S> a process's state
 * @param <M> its messages
 */
public final class ProcessSpec<S, M> {
  private final ProcessManager<S, M> manager;
  private final String processId;
  private final S state;
  private final ProcessStatus status;

  private ProcessSpec(
      ProcessManager<S, M> manager, String processId, S state, ProcessStatus status) {
    this.manager = manager;
    this.processId = processId;
    this.state = state;
    this.status = status;
  }

  /** A specification of the process with the given id, before its first input. */
  public static <S, M> ProcessSpec<S, M> of(ProcessManager<S, M> manager, String processId) {
    return new ProcessSpec<>(manager, processId, manager.initialState(), ProcessStatus.RUNNING);
  }

  /** The process after these inputs, each an {@link Input} or an {@link AggregateHistory} event. */
  public ProcessSpec<S, M> given(Object... inputs) {
    ProcessSpec<S, M> after = this;
    for (Object input : inputs) {
      Step<S> step = after.react(input);
      after = new ProcessSpec<>(manager, processId, step.state(), step.status());
    }
    return after;
  }

  /** What the process does on an input: an {@link Input} or an {@link AggregateHistory} event. */
  public Outcome<S> when(Object input) {
    return new Outcome<>(react(input));
  }

  /** The process's state after the given inputs. */
  public S state() {
    return state;
  }

  private Step<S> react(Object input) {
    if (status.ended()) {
      return new Step<>(state, status, List.of(), List.of(), List.of());
    }
    return manager.react(state, toInput(input));
  }

  @SuppressWarnings("unchecked")
  private Input<M> toInput(Object input) {
    if (input instanceof AggregateHistory.Happened<?, ?> happened) {
      var routed =
          manager
              .route(happened.type().name(), happened.event().event(), happened.event().aggregate())
              .orElseThrow(
                  () -> new AssertionError(manager.name() + " does not hear of " + happened));
      if (!routed.processId().equals(processId)) {
        throw new AssertionError(
            happened + " is routed to process " + routed.processId() + ", not " + processId);
      }
      return Input.message(routed.message(), happened.event().occurredAt());
    }
    if (input instanceof Input<?> given) {
      return (Input<M>) given;
    }
    throw new IllegalArgumentException("not an input of a process: " + input);
  }

  /**
   * What a process did on an input.
   *
   * @param step its answer
   */
  public record Outcome<S>(Step<S> step) {
    /** Expects exactly these commands, in order. */
    public Outcome<S> thenSends(Send... expected) {
      check(step.commands().equals(List.of(expected)), "the commands " + List.of(expected));
      return this;
    }

    /** Expects a deadline of this name set for this time. */
    public Outcome<S> thenSchedules(String name, Instant at) {
      check(
          step.scheduled().contains(new Deadline(name, at)), "the deadline " + name + " at " + at);
      return this;
    }

    /** Expects the deadline of this name cancelled. */
    public Outcome<S> thenCancels(String name) {
      check(step.cancelled().contains(name), "the deadline " + name + " cancelled");
      return this;
    }

    /** Expects the process in this status after the input. */
    public Outcome<S> thenStatus(ProcessStatus expected) {
      check(step.status() == expected, "the status " + expected);
      return this;
    }

    /** Expects the process in this state after the input. */
    public Outcome<S> thenState(S expected) {
      check(Objects.equals(step.state(), expected), "the state " + expected);
      return this;
    }

    private void check(boolean holds, String expected) {
      if (!holds) {
        throw new AssertionError("expected " + expected + " but the process answered " + step);
      }
    }
  }
}
