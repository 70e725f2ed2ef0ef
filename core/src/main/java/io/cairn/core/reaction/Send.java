package io.cairn.core.reaction;

import io.cairn.core.aggregate.AggregateType;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A command a reaction sends to an aggregate, of any type and id, through the same command topic
 * and processor as a command sent over HTTP.
 *
 * @param type the aggregate type the command is for
 * @param aggregateId the aggregate's id
 * @param command the command, one of the type's commands
 * @param step the name its outcome comes back under, for a process manager; the command's simple
 *     name unless told otherwise
 */
public record Send(AggregateType<?, ?, ?> type, String aggregateId, Object command, String step) {
  private static final Pattern STEP = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:@-]{0,119}");

  /** Checks that the command is one of the type's and that the step is a short name. */
  public Send {
    Objects.requireNonNull(type, "type");
    if (aggregateId == null || aggregateId.isBlank()) {
      throw new IllegalArgumentException("a command is sent to an aggregate id, not a blank");
    }
    if (!type.commands().isInstance(command)) {
      throw new IllegalArgumentException(
          "a " + command + " is not one of the commands of " + type.name());
    }
    if (step == null || !STEP.matcher(step).matches()) {
      throw new IllegalArgumentException(
          "a step is up to 120 letters, digits and _.:@-, not '" + step + "'");
    }
  }

  /** The command to the aggregate of that type and id. */
  public static <C> Send to(AggregateType<C, ?, ?> type, String aggregateId, C command) {
    return new Send(type, aggregateId, command, command.getClass().getSimpleName());
  }

  /** The same command, its outcome reported under the given step. */
  public Send as(String step) {
    return new Send(type, aggregateId, command, step);
  }
}
