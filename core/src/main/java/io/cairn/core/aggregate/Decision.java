package io.cairn.core.aggregate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a decider decided: the events a command causes, or the domain rule it breaks.
 *
 * @param <E> the aggregate's events
 */
public sealed interface Decision<E> {

  /**
   * The command is accepted; it causes these events, in order. No events means "no change".
   *
   * @param events the events to append
   */
  record Accepted<E>(List<E> events) implements Decision<E> {
    /** Freezes the events. */
    public Accepted {
      events = List.copyOf(events);
    }
  }

  /**
   * The command breaks a domain rule; nothing is appended.
   *
   * @param rule the rule's stable code, in snake_case ({@code insufficient_stock})
   * @param message a sentence for people
   * @param details structured facts about the rejection
   */
  record Rejected<E>(String rule, String message, Map<String, Object> details)
      implements Decision<E> {
    private static final Pattern RULE = Pattern.compile("[a-z][a-z0-9_]*");

    /** Checks the rule's code and freezes the details. */
    public Rejected {
      Objects.requireNonNull(message, "message");
      if (rule == null || !RULE.matcher(rule).matches()) {
        throw new IllegalArgumentException("a rule is a snake_case code, not '" + rule + "'");
      }
      details = Map.copyOf(details);
    }
  }

  /** The command causes these events. */
  @SafeVarargs
  static <E> Decision<E> accept(E... events) {
    return new Accepted<>(List.of(events));
  }

  /** The command is accepted and changes nothing. */
  static <E> Decision<E> unchanged() {
    return new Accepted<>(List.of());
  }

  /** The command breaks a rule. */
  static <E> Decision<E> reject(String rule, String message) {
    return new Rejected<>(rule, message, Map.of());
  }

  /** The command breaks a rule; the details say by how much, or with what. */
  static <E> Decision<E> reject(String rule, String message, Map<String, Object> details) {
    return new Rejected<>(rule, message, details);
  }
}
