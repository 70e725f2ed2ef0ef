package io.cairn.engine.reactions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.reaction.ProcessStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One process as its store keeps it and its endpoint shows it: status, state, pending deadlines and
 * the latest steps, newest last.
 *
 * @param manager the process manager
 * @param processId the process
 * @param status where it is in its life
 * @param state its state, as JSON
 * @param correlationId the flow it belongs to: that of its first input
 * @param startedAt when its first input happened
 * @param updatedAt when its latest input happened
 * @param deadlines its pending deadlines, by name
 * @param steps its latest steps, oldest first
 * @param stepCount how many steps it has taken, including those no longer kept
 */
public record ProcessInstance(
    String manager,
    String processId,
    ProcessStatus status,
    JsonNode state,
    String correlationId,
    Instant startedAt,
    Instant updatedAt,
    Map<String, Instant> deadlines,
    List<ProcessTrace> steps,
    long stepCount) {

  /** How many steps are kept per process: the rest are in the event log. */
  public static final int KEPT_STEPS = 100;

  /** Freezes the collections. */
  public ProcessInstance {
    deadlines = Map.copyOf(deadlines);
    steps = List.copyOf(steps);
  }

  /**
   * The state as its manager's record.
   *
   * @throws IllegalArgumentException when it is not one
   */
  public <S> S stateAs(Class<S> type) {
    try {
      return ReactionJson.MAPPER.treeToValue(state, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "process " + processId + " of " + manager + " holds no " + type.getSimpleName(), e);
    }
  }

  static ProcessInstance start(
      String manager, String processId, JsonNode state, String correlationId, Instant at) {
    return new ProcessInstance(
        manager,
        processId,
        ProcessStatus.RUNNING,
        state,
        correlationId,
        at,
        at,
        Map.of(),
        List.of(),
        0);
  }

  /** This process with other pending deadlines. */
  ProcessInstance withDeadlines(Map<String, Instant> pending) {
    return new ProcessInstance(
        manager,
        processId,
        status,
        state,
        correlationId,
        startedAt,
        updatedAt,
        pending,
        steps,
        stepCount);
  }

  /** This process after a step. */
  ProcessInstance after(
      ProcessStatus newStatus,
      JsonNode newState,
      Map<String, Instant> newDeadlines,
      ProcessTrace step) {
    List<ProcessTrace> kept = new ArrayList<>(steps);
    kept.add(step);
    if (kept.size() > KEPT_STEPS) {
      kept.subList(0, kept.size() - KEPT_STEPS).clear();
    }
    return new ProcessInstance(
        manager,
        processId,
        newStatus,
        newState,
        correlationId,
        startedAt,
        step.at(),
        new TreeMap<>(newDeadlines),
        kept,
        stepCount + 1);
  }
}
