package io.cairn.core.aggregate;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An aggregate type, declared once: its name and its decider with the types it decides over.
 * Registering it gives it its topics, stores, sub-topology and HTTP commands; the contract names
 * its envelopes after the same name.
 *
 * @param name the type's name in topic names and URLs ({@code carts})
 * @param decider the aggregate's behaviour
 * @param commands the sealed interface of its commands
 * @param events the sealed interface of its events
 * @param state its state record
 * @param <C> the commands
 * @param <E> the events
 * @param <S> the state
 */
public record AggregateType<C, E, S>(
    String name, Decider<C, E, S> decider, Class<C> commands, Class<E> events, Class<S> state) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  /** Checks the name, and that commands and events are sealed interfaces and the state a record. */
  public AggregateType {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "an aggregate type's name is lower-case letters, digits and dashes, not '" + name + "'");
    }
    Objects.requireNonNull(decider, "decider");
    requireSealed(name, "commands", commands);
    requireSealed(name, "events", events);
    if (!state.isRecord()) {
      throw new IllegalArgumentException(
          name + ": the state must be a record, not " + state.getName());
    }
  }

  private static void requireSealed(String name, String what, Class<?> type) {
    if (!type.isInterface() || !type.isSealed()) {
      throw new IllegalArgumentException(
          name + ": the " + what + " must be a sealed interface of records, not " + type.getName());
    }
  }
}
