package io.cairn.core.reaction;

import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.view.SourcedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A process manager (a saga), declared once: the events of which aggregate types reach which of its
 * processes, as which message, and its {@link Reactor}. Each process has its own state and is known
 * by an id its sources name (an order's id, say); it answers with commands and deadlines and hears
 * back the outcome of every command it sent.
 *
 * @param <S> a process's state
 * @param <M> the messages its sources route to it
 */
public final class ProcessManager<S, M> {

  /**
   * Which process an event of one aggregate type is for, and as what message.
   *
   * @param <E> the aggregate type's events
   * @param <T> its state
   * @param <M> the process manager's messages
   */
  @FunctionalInterface
  public interface Route<E, T, M> {
    /** The process and message, or empty when no process hears of the event. */
    Optional<Routed<M>> route(SourcedEvent<E, T> event);
  }

  /**
   * A message for one process.
   *
   * @param processId the process's id
   * @param message the message
   */
  public record Routed<M>(String processId, M message) {
    /** Checks that both are there. */
    public Routed {
      if (processId == null || processId.isBlank()) {
        throw new IllegalArgumentException("a process is known by an id, not a blank");
      }
      Objects.requireNonNull(message, "message");
    }
  }

  private final String name;
  private final Reactor<S, M> reactor;
  private final Class<S> state;
  private final Class<M> messages;
  private final Map<String, Trigger<?, ?, M>> triggers;
  private final Function<S, Optional<String>> customer;

  private ProcessManager(Builder<S, M> builder) {
    this.name = Names.check("process manager", builder.name);
    this.reactor = Objects.requireNonNull(builder.reactor, "reactor");
    this.state = builder.state;
    this.messages = builder.messages;
    this.triggers = Map.copyOf(builder.triggers);
    this.customer = builder.customer;
  }

  /**
   * Starts the declaration of a process manager.
   *
   * @param name its name, in URLs, topic and store names
   * @param reactor its behaviour
   * @param state the record its processes' state is
   * @param messages the sealed interface of its messages
   */
  public static <S, M> Builder<S, M> named(
      String name, Reactor<S, M> reactor, Class<S> state, Class<M> messages) {
    Names.check("process manager", name);
    if (!state.isRecord()) {
      throw new IllegalArgumentException(name + ": the state must be a record, not " + state);
    }
    if (!messages.isInterface() || !messages.isSealed()) {
      throw new IllegalArgumentException(
          name + ": the messages must be a sealed interface of records, not " + messages);
    }
    return new Builder<>(name, reactor, state, messages);
  }

  /** The process manager's name. */
  public String name() {
    return name;
  }

  /** The record its processes' state is. */
  public Class<S> state() {
    return state;
  }

  /** The sealed interface of its messages. */
  public Class<M> messages() {
    return messages;
  }

  /** The aggregate types whose events it hears. */
  public List<AggregateType<?, ?, ?>> sources() {
    return triggers.values().stream().<AggregateType<?, ?, ?>>map(Trigger::type).toList();
  }

  /**
   * The process an event the engine appended is for, and as what message.
   *
   * @throws ClassCastException when the event or state is not of the named aggregate type
   */
  public Optional<Routed<M>> route(String aggregateType, Object event, Aggregate<?> aggregate) {
    Trigger<?, ?, M> trigger = triggers.get(aggregateType);
    return trigger == null ? Optional.empty() : trigger.route(event, aggregate);
  }

  /**
   * The customer a process acts for, who may follow it with a token of scope {@code
   * cairn:customer}; empty when it acts for none, or its manager declared none.
   */
  public Optional<String> customerOf(S process) {
    return customer.apply(process);
  }

  /** A process's state before its first input. */
  public S initialState() {
    return reactor.initialState();
  }

  /** What a process does on an input. */
  public Step<S> react(S current, Input<M> input) {
    return reactor.react(current, input);
  }

  private record Trigger<E, T, M>(AggregateType<?, E, T> type, Route<E, T, M> route) {
    Optional<Routed<M>> route(Object event, Aggregate<?> aggregate) {
      return route.route(SourcedEvent.of(type, event, aggregate));
    }
  }

  /**
   * The declaration of a process manager, one source at a time.
   *
   * @param <S> a process's state
   * @param <M> its messages
   */
  public static final class Builder<S, M> {
    private final String name;
    private final Reactor<S, M> reactor;
    private final Class<S> state;
    private final Class<M> messages;
    private final Map<String, Trigger<?, ?, M>> triggers = new LinkedHashMap<>();
    private Function<S, Optional<String>> customer = process -> Optional.empty();

    private Builder(String name, Reactor<S, M> reactor, Class<S> state, Class<M> messages) {
      this.name = name;
      this.reactor = reactor;
      this.state = state;
      this.messages = messages;
    }

    /** Which process hears an event of an aggregate type, and as what. */
    public <E, T> Builder<S, M> on(AggregateType<?, E, T> type, Route<E, T, M> route) {
      Objects.requireNonNull(route, "route");
      if (triggers.putIfAbsent(type.name(), new Trigger<>(type, route)) != null) {
        throw new IllegalArgumentException(name + " hears " + type.name() + " twice");
      }
      return this;
    }

    /** Which customer a process acts for, who may then follow it. */
    public Builder<S, M> actingFor(Function<S, Optional<String>> customer) {
      this.customer = Objects.requireNonNull(customer, "customer");
      return this;
    }

    /** The process manager; it hears at least one aggregate type. */
    public ProcessManager<S, M> build() {
      if (triggers.isEmpty()) {
        throw new IllegalArgumentException(name + " hears no aggregate type");
      }
      return new ProcessManager<>(this);
    }
  }
}
