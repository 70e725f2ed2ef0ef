package io.cairn.core.testing;

import io.cairn.core.reaction.Policy;
import io.cairn.core.reaction.Send;
import java.util.List;

/**
 * Given-when-then specifications of a policy, without Kafka: when an aggregate's event happens
 * (from an {@link AggregateHistory}), then these commands, or none. Failures are AssertionErrors
 * that show what the policy sent instead.
 */
public final class PolicySpec {
  private final Policy policy;

  private PolicySpec(Policy policy) {
    this.policy = policy;
  }

  /** A specification of the policy. */
  public static PolicySpec of(Policy policy) {
    return new PolicySpec(policy);
  }

  /** What the policy sends when the event happens. */
  public Sent when(AggregateHistory.Happened<?, ?> happened) {
    return new Sent(
        policy.react(
            happened.type().name(), happened.event().event(), happened.event().aggregate()));
  }

  /**
   * The commands a policy sent.
   *
   * @param commands the commands, in order
   */
  public record Sent(List<Send> commands) {
    /** Expects exactly these commands, in order. */
    public void thenSends(Send... expected) {
      if (!commands.equals(List.of(expected))) {
        throw new AssertionError(
            "expected the commands " + List.of(expected) + " but the policy sent " + commands);
      }
    }

    /** Expects no command. */
    public void thenSendsNothing() {
      thenSends();
    }
  }
}
