package io.cairn.queries.processes;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.engine.reactions.ProcessInstance;
import io.cairn.engine.reactions.ProcessTrace;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A process as clients see it.
 *
 * @param name its process manager
 * @param id its id
 * @param status {@code RUNNING}, {@code COMPLETED}, {@code COMPENSATED} or {@code FAILED}
 * @param state its state
 * @param correlationId the flow it belongs to
 * @param startedAt when its first input happened
 * @param updatedAt when its latest input happened
 * @param deadlines its pending deadlines, soonest first
 * @param steps its latest steps, oldest first
 * @param stepCount how many steps it has taken in all
 */
public record ProcessAnswer(
    String name,
    String id,
    String status,
    JsonNode state,
    String correlationId,
    Instant startedAt,
    Instant updatedAt,
    List<Deadline> deadlines,
    List<ProcessTrace> steps,
    long stepCount) {

  /**
   * A pending deadline.
   *
   * @param name its name
   * @param at when it passes
   */
  public record Deadline(String name, Instant at) {}

  static ProcessAnswer of(ProcessInstance process) {
    return new ProcessAnswer(
        process.manager(),
        process.processId(),
        process.status().name(),
        process.state(),
        process.correlationId(),
        process.startedAt(),
        process.updatedAt(),
        process.deadlines().entrySet().stream()
            .map(d -> new Deadline(d.getKey(), d.getValue()))
            .sorted(Comparator.comparing(Deadline::at))
            .toList(),
        process.steps(),
        process.stepCount());
  }
}
