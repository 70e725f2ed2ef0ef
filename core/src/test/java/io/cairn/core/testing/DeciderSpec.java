package io.cairn.core.testing;

import io.cairn.core.aggregate.Decider;
import io.cairn.core.aggregate.Decision;
import java.util.List;
import java.util.Objects;

/**
 * Given-when-then specifications of a decider, without Kafka: given past events, when a command
 * arrives, then these events, no change, or a rejection naming a rule. Failures are AssertionErrors
 * that show what the decider decided instead.
 *
 * @param <C> the commands
 * @param <E> the events
 * @param <S> the state
 */
public final class DeciderSpec<C, E, S> {
  private final Decider<C, E, S> decider;
  private final S state;

  private DeciderSpec(Decider<C, E, S> decider, S state) {
    this.decider = decider;
    this.state = state;
  }

  /** A specification starting from the decider's initial state. */
  public static <C, E, S> DeciderSpec<C, E, S> of(Decider<C, E, S> decider) {
    return new DeciderSpec<>(decider, decider.initialState());
  }

  /** The state after these events. */
  @SafeVarargs
  public final DeciderSpec<C, E, S> given(E... events) {
    S folded = state;
    for (E event : events) {
      folded = decider.evolve(folded, event);
    }
    return new DeciderSpec<>(decider, folded);
  }

  /** The decision on a command. */
  public Outcome<E> when(C command) {
    return new Outcome<>(decider.decide(command, state));
  }

  /** The state the given events folded into, to check evolve itself. */
  public S state() {
    return state;
  }

  /**
   * What the decider decided.
   *
   * @param decision the decision
   */
  public record Outcome<E>(Decision<E> decision) {

    /** Expects exactly these events, in order. */
    @SafeVarargs
    public final void thenEvents(E... expected) {
      if (!(decision instanceof Decision.Accepted<E> accepted)
          || !accepted.events().equals(List.of(expected))) {
        throw new AssertionError(
            "expected events " + List.of(expected) + " but the decision was " + decision);
      }
    }

    /** Expects the command to be accepted with no events. */
    public void thenUnchanged() {
      thenEvents();
    }

    /** Expects a rejection under this rule. */
    public void thenRejected(String rule) {
      if (!(decision instanceof Decision.Rejected<E> rejected)
          || !Objects.equals(rejected.rule(), rule)) {
        throw new AssertionError(
            "expected a rejection by " + rule + " but the decision was " + decision);
      }
    }
  }
}
