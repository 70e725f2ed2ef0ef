package io.cairn.core.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
 * @param upcaster how it reads the events it appended before their shape changed, if it has any
 * @param customers what a customer acting for itself may read and send, if anything
 * @param <C> the commands
 * @param <E> the events
 * @param <S> the state
 */
public record AggregateType<C, E, S>(
    String name,
    Decider<C, E, S> decider,
    Class<C> commands,
    Class<E> events,
    Class<S> state,
    Optional<Upcaster<?, E>> upcaster,
    Optional<CustomerAccess<C, S>> customers) {

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
    Objects.requireNonNull(upcaster, "upcaster");
    upcaster.ifPresent(legacy -> requireDistinct(name, events, legacy.legacyEvents()));
    Objects.requireNonNull(customers, "customers");
  }

  /** An aggregate type whose events have never changed shape. */
  public AggregateType(
      String name, Decider<C, E, S> decider, Class<C> commands, Class<E> events, Class<S> state) {
    this(name, decider, commands, events, state, Optional.empty(), Optional.empty());
  }

  /** This type, reading the legacy records its log holds as the events they mean now. */
  public <L> AggregateType<C, E, S> withUpcaster(Class<L> legacyEvents, Function<L, E> upcast) {
    return new AggregateType<>(
        name,
        decider,
        commands,
        events,
        state,
        Optional.of(new Upcaster<>(legacyEvents, upcast)),
        customers);
  }

  /** This type, open to customers acting for themselves as the access says. */
  public AggregateType<C, E, S> withCustomerAccess(CustomerAccess<C, S> access) {
    return new AggregateType<>(
        name, decider, commands, events, state, upcaster, Optional.of(access));
  }

  /**
   * The sealed interfaces of what the type's log may hold: its events, then the legacy records its
   * upcaster reads.
   */
  public List<Class<?>> loggedEvents() {
    List<Class<?>> logged = new ArrayList<>(List.of(events));
    upcaster.ifPresent(legacy -> logged.add(legacy.legacyEvents()));
    return List.copyOf(logged);
  }

  /**
   * The event a record of the log means now: the record itself when it is one of the events, else
   * its upcast.
   *
   * @throws IllegalArgumentException when it is neither an event nor a legacy record of this type
   */
  public E current(Object logged) {
    if (events.isInstance(logged)) {
      return events.cast(logged);
    }
    Object upcast = upcaster.map(legacy -> legacy.upcastIfLegacy(logged)).orElse(null);
    if (upcast == null) {
      throw new IllegalArgumentException(name + " logs no " + logged.getClass().getName());
    }
    return events.cast(upcast);
  }

  private static void requireDistinct(String name, Class<?> events, Class<?> legacy) {
    requireSealed(name, "legacy events", legacy);
    Set<String> current = simpleNames(events);
    List<String> clashing =
        simpleNames(legacy).stream().filter(current::contains).sorted().toList();
    if (!clashing.isEmpty()) {
      throw new IllegalArgumentException(
          name
              + ": legacy records share names with its events, which the log tells apart by name: "
              + clashing);
    }
  }

  private static Set<String> simpleNames(Class<?> sealed) {
    return Arrays.stream(sealed.getPermittedSubclasses())
        .map(Class::getSimpleName)
        .collect(Collectors.toSet());
  }

  private static void requireSealed(String name, String what, Class<?> type) {
    if (!type.isInterface() || !type.isSealed()) {
      throw new IllegalArgumentException(
          name + ": the " + what + " must be a sealed interface of records, not " + type.getName());
    }
  }
}
