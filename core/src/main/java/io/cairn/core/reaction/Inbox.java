package io.cairn.core.reaction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An inbox, declared once: the events another service sends to its topic ({@code
 * cairn.inbox.<name>}), and the commands each type of event is mapped to. The engine applies each
 * event once, by its source and id, however often an at-least-once sender sends it.
 */
public final class Inbox {

  /** How events of one type become commands. */
  @FunctionalInterface
  public interface Mapping {
    /**
     * The commands the event sends.
     *
     * @throws IllegalArgumentException when its data is not what the type promises
     */
    List<Send> map(InboundEvent event);
  }

  private final String name;
  private final Map<String, Mapping> mappings;

  private Inbox(String name, Map<String, Mapping> mappings) {
    this.name = name;
    this.mappings = Map.copyOf(mappings);
  }

  /** Starts the declaration of an inbox, named after the service that writes to it. */
  public static Builder named(String name) {
    return new Builder(Names.check("inbox", name));
  }

  /** The inbox's name, in its topic's name. */
  public String name() {
    return name;
  }

  /** The event types it takes. */
  public Set<String> types() {
    return mappings.keySet();
  }

  /** The commands an event sends; empty when the inbox does not take its type. */
  public Optional<List<Send>> map(InboundEvent event) {
    return Optional.ofNullable(mappings.get(event.type()))
        .map(mapping -> List.copyOf(mapping.map(event)));
  }

  /** The declaration of an inbox, one event type at a time. */
  public static final class Builder {
    private final String name;
    private final Map<String, Mapping> mappings = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    /** How events of a type become commands. */
    public Builder on(String type, Mapping mapping) {
      Objects.requireNonNull(mapping, "mapping");
      if (mappings.putIfAbsent(type, mapping) != null) {
        throw new IllegalArgumentException(name + " maps " + type + " twice");
      }
      return this;
    }

    /** The inbox; it takes at least one type. */
    public Inbox build() {
      if (mappings.isEmpty()) {
        throw new IllegalArgumentException(name + " takes no event type");
      }
      return new Inbox(name, mappings);
    }
  }
}
