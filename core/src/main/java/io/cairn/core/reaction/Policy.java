package io.cairn.core.reaction;

import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.view.SourcedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A policy, declared once: whenever an event of one of its aggregate types is appended, the
 * commands it sends in answer. It keeps no state of its own; it reads the event with its aggregate
 * as the event left it. The engine sends the commands in the transaction that appends the event, so
 * an appended event causes its commands exactly once.
 */
public final class Policy {

  /**
   * How a policy answers an event of one aggregate type.
   *
   * @param <E> the aggregate type's events
   * @param <S> its state
   */
  @FunctionalInterface
  public interface Reaction<E, S> {
    /** The commands the event causes, none when it causes nothing. */
    List<Send> react(SourcedEvent<E, S> event);
  }

  private final String name;
  private final Map<String, Trigger<?, ?>> triggers;

  private Policy(String name, Map<String, Trigger<?, ?>> triggers) {
    this.name = Names.check("policy", name);
    this.triggers = Map.copyOf(triggers);
  }

  /** Starts the declaration of a policy with the given name. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** The policy's name, in logs, command ids and the actor of the commands it sends. */
  public String name() {
    return name;
  }

  /** The aggregate types whose events it answers. */
  public List<AggregateType<?, ?, ?>> sources() {
    return triggers.values().stream().<AggregateType<?, ?, ?>>map(Trigger::type).toList();
  }

  /**
   * The commands an event the engine appended causes: none when the policy does not answer its
   * aggregate type.
   *
   * @throws ClassCastException when the event or state is not of the named aggregate type
   */
  public List<Send> react(String aggregateType, Object event, Aggregate<?> aggregate) {
    Trigger<?, ?> trigger = triggers.get(aggregateType);
    return trigger == null ? List.of() : trigger.react(event, aggregate);
  }

  private record Trigger<E, S>(AggregateType<?, E, S> type, Reaction<E, S> reaction) {
    List<Send> react(Object event, Aggregate<?> aggregate) {
      return List.copyOf(reaction.react(SourcedEvent.of(type, event, aggregate)));
    }
  }

  /** The declaration of a policy, one aggregate type at a time. */
  public static final class Builder {
    private final String name;
    private final Map<String, Trigger<?, ?>> triggers = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = Names.check("policy", name);
    }

    /** How the policy answers the events of an aggregate type. */
    public <E, S> Builder on(AggregateType<?, E, S> type, Reaction<E, S> reaction) {
      Objects.requireNonNull(reaction, "reaction");
      if (triggers.putIfAbsent(type.name(), new Trigger<>(type, reaction)) != null) {
        throw new IllegalArgumentException(name + " answers " + type.name() + " twice");
      }
      return this;
    }

    /** The policy; it answers at least one aggregate type. */
    public Policy build() {
      if (triggers.isEmpty()) {
        throw new IllegalArgumentException(name + " answers no aggregate type");
      }
      return new Policy(name, triggers);
    }
  }
}
