package io.cairn.engine.reactions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What reaches a process, as it travels to the partition that owns the process: a message routed
 * from an appended event, or the outcome of a command the process sent. Internal to the command
 * processors' application; the message is the process manager's own record, as JSON.
 *
 * @param manager the process manager
 * @param processId the process
 * @param kind what it is
 * @param messageType the simple name of the message's record, for a message
 * @param message the message, for a message
 * @param step the step the command was sent as, for an outcome
 * @param rule the rule that refused the command, for a refusal
 * @param ruleMessage the rule's sentence, for a refusal
 * @param cause what caused it: the event, or the answered command
 */
public record ProcessInput(
    String manager,
    String processId,
    Kind kind,
    String messageType,
    JsonNode message,
    String step,
    String rule,
    String ruleMessage,
    CauseJson cause) {

  /** What an input is. */
  public enum Kind {
    /** A message routed from an event. */
    MESSAGE,
    /** A command the process sent was accepted. */
    ACCEPTED,
    /** A command the process sent was refused. */
    REJECTED
  }

  /**
   * The cause, as JSON holds it.
   *
   * @param id its id
   * @param correlationId its flow
   * @param at when it happened
   */
  public record CauseJson(String id, String correlationId, Instant at) {
    static CauseJson of(Cause cause) {
      return new CauseJson(cause.id(), cause.correlationId(), cause.at());
    }

    Cause cause() {
      return new Cause(id, correlationId, at);
    }
  }

  static ProcessInput message(
      String manager, String processId, String type, JsonNode message, Cause cause) {
    return new ProcessInput(
        manager, processId, Kind.MESSAGE, type, message, null, null, null, CauseJson.of(cause));
  }

  static ProcessInput outcome(
      ReactionHeaders.ReturnAddress to, String rule, String ruleMessage, Cause cause) {
    return new ProcessInput(
        to.manager(),
        to.processId(),
        rule == null ? Kind.ACCEPTED : Kind.REJECTED,
        null,
        null,
        to.step(),
        rule,
        ruleMessage,
        CauseJson.of(cause));
  }
}
