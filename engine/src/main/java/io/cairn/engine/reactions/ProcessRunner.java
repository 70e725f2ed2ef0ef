package io.cairn.engine.reactions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.reaction.Deadline;
import io.cairn.core.reaction.Input;
import io.cairn.core.reaction.ProcessManager;
import io.cairn.core.reaction.ProcessStatus;
import io.cairn.core.reaction.Send;
import io.cairn.core.reaction.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A process manager as the engine runs it: its messages and state to and from JSON, and each input
 * turned into the process's next instance and the commands it sends.
 *
 * @param <S> a process's state
 * @param <M> its messages
 */
public final class ProcessRunner<S, M> {
  private static final ObjectMapper JSON = ReactionJson.MAPPER;

  private final ProcessManager<S, M> manager;
  private final Map<String, Class<?>> messageTypes;
  private final CommandWriter writer;

  ProcessRunner(ProcessManager<S, M> manager, CommandWriter writer) {
    this.manager = manager;
    this.writer = writer;
    this.messageTypes =
        Arrays.stream(manager.messages().getPermittedSubclasses())
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));
  }

  /** The process manager's name. */
  public String name() {
    return manager.name();
  }

  /**
   * What a process did on an input.
   *
   * @param instance the process after it; empty when the input started nothing
   * @param commands the commands it sends
   */
  record Result(Optional<ProcessInstance> instance, List<CommandWriter.Written> commands) {}

  /** The input an appended event is for this process manager, if any process hears of it. */
  Optional<ProcessInput> route(
      String aggregateType, Object event, Aggregate<?> aggregate, Cause cause) {
    return manager
        .route(aggregateType, event, aggregate)
        .map(
            routed ->
                ProcessInput.message(
                    name(),
                    routed.processId(),
                    routed.message().getClass().getSimpleName(),
                    JSON.valueToTree(routed.message()),
                    cause));
  }

  /** What the process does on a message or an outcome. */
  Result react(ProcessInstance current, ProcessInput input) {
    Cause cause = input.cause().cause();
    return apply(current, input.processId(), toInput(input, cause.at()), heard(input), cause);
  }

  /**
   * What the process does when one of its deadlines passes. The deadline is spent: it stays only if
   * the step sets it again.
   */
  Result deadlinePassed(ProcessInstance current, String deadline, Instant due) {
    String causeId = "deadline:" + current.processId() + ":" + deadline + "@" + due;
    Cause cause = new Cause(causeId, current.correlationId(), due);
    Map<String, Instant> pending = new HashMap<>(current.deadlines());
    pending.remove(deadline);
    return apply(
        current.withDeadlines(pending),
        current.processId(),
        Input.deadline(deadline, due),
        "deadline:" + deadline,
        cause);
  }

  private Result apply(
      ProcessInstance current, String processId, Input<M> input, String heard, Cause cause) {
    if (current != null && current.status().ended()) {
      ProcessTrace ignored =
          new ProcessTrace(
              cause.at(),
              heard + " (ended)",
              cause.id(),
              List.of(),
              List.of(),
              List.of(),
              current.status());
      return new Result(
          Optional.of(
              current.after(current.status(), current.state(), current.deadlines(), ignored)),
          List.of());
    }
    S state = current == null ? manager.initialState() : read(current.state());
    Step<S> step = manager.react(state, input);
    if (current == null && startsNothing(step)) {
      return new Result(Optional.empty(), List.of());
    }
    ProcessInstance before =
        current != null
            ? current
            : ProcessInstance.start(name(), processId, null, cause.correlationId(), cause.at());
    Cause flow = new Cause(cause.id(), before.correlationId(), cause.at());
    List<CommandWriter.Written> commands = new ArrayList<>();
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < step.commands().size(); i++) {
      Send send = step.commands().get(i);
      commands.add(
          writer.write(
              send,
              flow,
              "process:" + name(),
              i,
              ReactionHeaders.fromProcess(name(), processId, send.step())));
      sent.add(
          send.type().name()
              + "/"
              + send.aggregateId()
              + " "
              + send.command().getClass().getSimpleName()
              + " as "
              + send.step());
    }
    Map<String, Instant> deadlines = deadlines(before.deadlines(), step);
    ProcessTrace trace =
        new ProcessTrace(
            cause.at(),
            heard,
            cause.id(),
            sent,
            step.scheduled().stream().map(d -> d.name() + "@" + d.at()).toList(),
            step.cancelled(),
            step.status());
    return new Result(
        Optional.of(before.after(step.status(), JSON.valueToTree(step.state()), deadlines, trace)),
        commands);
  }

  private static boolean startsNothing(Step<?> step) {
    return step.state() == null
        && step.status() == ProcessStatus.RUNNING
        && step.commands().isEmpty()
        && step.scheduled().isEmpty();
  }

  private static Map<String, Instant> deadlines(Map<String, Instant> pending, Step<?> step) {
    Map<String, Instant> after = new HashMap<>(pending);
    step.cancelled().forEach(after::remove);
    for (Deadline deadline : step.scheduled()) {
      after.put(deadline.name(), deadline.at());
    }
    if (step.status().ended()) {
      after.clear();
    }
    return after;
  }

  private Input<M> toInput(ProcessInput input, Instant at) {
    return switch (input.kind()) {
      case MESSAGE -> Input.message(message(input), at);
      case ACCEPTED -> Input.accepted(input.step(), at);
      case REJECTED -> new Input.Rejected<>(input.step(), input.rule(), input.ruleMessage(), at);
    };
  }

  private M message(ProcessInput input) {
    Class<?> type = messageTypes.get(input.messageType());
    if (type == null) {
      throw new IllegalArgumentException(
          name() + " has no message " + input.messageType() + "; it has " + messageTypes.keySet());
    }
    try {
      return manager.messages().cast(JSON.treeToValue(input.message(), type));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot read a " + input.messageType(), e);
    }
  }

  private S read(JsonNode state) {
    try {
      return state == null || state.isNull() ? null : JSON.treeToValue(state, manager.state());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read the state of a " + name() + " process", e);
    }
  }

  private static String heard(ProcessInput input) {
    return switch (input.kind()) {
      case MESSAGE -> "message:" + input.messageType();
      case ACCEPTED -> "accepted:" + input.step();
      case REJECTED -> "rejected:" + input.step() + ":" + input.rule();
    };
  }
}
