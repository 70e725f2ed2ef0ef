package io.cairn.engine.reactions;

import io.cairn.core.reaction.ProcessStatus;
import java.time.Instant;
import java.util.List;

/**
 * One step of a process: what it heard, and what it did about it.
 *
 * @param at when what it heard happened
 * @param heard what it heard: {@code message:Confirmed}, {@code accepted:CancelOrder}, {@code
 *     rejected:CancelOrder:order_shipped}, {@code deadline:ship-by}
 * @param causeId the id of what caused it
 * @param sent the commands it sent, as {@code <type>/<id> <Command> as <step>}
 * @param scheduled the deadlines it set, as {@code <name>@<time>}
 * @param cancelled the deadlines it cancelled
 * @param status its status after the step
 */
public record ProcessTrace(
    Instant at,
    String heard,
    String causeId,
    List<String> sent,
    List<String> scheduled,
    List<String> cancelled,
    ProcessStatus status) {}
