package io.cairn.core.reaction;

import java.time.Instant;
import java.util.Objects;

/**
 * What a process manager is told: a message its sources routed to it, the outcome of a command it
 * sent, or that one of its deadlines passed. Each carries the time it happened, the only clock a
 * process reads.
 *
 * @param <M> the process manager's messages
 */
public sealed interface Input<M> {

  /** When it happened: the event's time, the command's processing time, the deadline's time. */
  Instant at();

  /**
   * A message routed from an event of one of the process manager's sources.
   *
   * @param message the message
   * @param at when its event happened
   */
  record Message<M>(M message, Instant at) implements Input<M> {
    /** Checks that both are there. */
    public Message {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A command the process sent was accepted.
   *
   * @param step the step it was sent as
   * @param at when it was processed
   */
  record Accepted<M>(String step, Instant at) implements Input<M> {}

  /**
   * A command the process sent was refused: by a rule of its aggregate, or because of a version
   * conflict or a reused Idempotency-Key.
   *
   * @param step the step it was sent as
   * @param rule the rule's code ({@code insufficient_stock})
   * @param message the rule's sentence for people
   * @param at when it was processed
   */
  record Rejected<M>(String step, String rule, String message, Instant at) implements Input<M> {}

  /**
   * One of the process's deadlines passed.
   *
   * @param name the deadline's name
   * @param at the time it was set for
   */
  record DeadlinePassed<M>(String name, Instant at) implements Input<M> {}

  /** A routed message. */
  static <M> Input<M> message(M message, Instant at) {
    return new Message<>(message, at);
  }

  /** An accepted command. */
  static <M> Input<M> accepted(String step, Instant at) {
    return new Accepted<>(step, at);
  }

  /** A refused command. */
  static <M> Input<M> rejected(String step, String rule, Instant at) {
    return new Rejected<>(step, rule, rule, at);
  }

  /** A passed deadline. */
  static <M> Input<M> deadline(String name, Instant at) {
    return new DeadlinePassed<>(name, at);
  }
}
