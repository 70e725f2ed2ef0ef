package io.cairn.engine.reactions;

import java.time.Instant;

/**
 * What caused a reaction's commands: an appended event, the outcome of a command, a passed
 * deadline, or an event from another service. Its id names the commands' cause and seeds their ids,
 * so the same cause read twice sends the same commands, which their processors apply once.
 *
 * @param id the cause's id: the event's id, the answered command's id, or the deadline's id
 * @param correlationId the flow the commands belong to
 * @param at when the cause happened; the commands are issued at that time
 */
public record Cause(String id, String correlationId, Instant at) {}
