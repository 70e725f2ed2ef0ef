package io.cairn.core.reaction;

import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.view.SourcedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A publication, declared once: the integration events other services may depend on, made from the
 * domain events of some aggregate types, on their own topic ({@code cairn.integration.<name>}).
 * Other services then depend on a small stable contract rather than on the domain's own events,
 * which may change with the domain. The engine writes each in the transaction that appends its
 * domain event: it is the outbox, done with Kafka transactions.
 */
public final class Publication {

  /**
   * An integration event.
   *
   * @param type its CloudEvents type ({@code commerce.OrderShipped}): part of the contract
   * @param subject what it is about, also its record's key
   * @param data its data, a record written as JSON: part of the contract
   */
  public record IntegrationEvent(String type, String subject, Object data) {
    /** Checks that every part is there. */
    public IntegrationEvent {
      if (type == null || type.isBlank() || subject == null || subject.isBlank()) {
        throw new IllegalArgumentException("an integration event has a type and a subject");
      }
      Objects.requireNonNull(data, "data");
    }
  }

  /**
   * How the events of one aggregate type are published.
   *
   * @param <E> the aggregate type's events
   * @param <S> its state
   */
  @FunctionalInterface
  public interface Mapping<E, S> {
    /** The integration event a domain event makes, if any. */
    Optional<IntegrationEvent> publish(SourcedEvent<E, S> event);
  }

  private record Source<E, S>(AggregateType<?, E, S> type, Mapping<E, S> mapping) {
    Optional<IntegrationEvent> publish(Object event, Aggregate<?> aggregate) {
      return mapping.publish(SourcedEvent.of(type, event, aggregate));
    }
  }

  private final String name;
  private final Map<String, Source<?, ?>> sources;

  private Publication(String name, Map<String, Source<?, ?>> sources) {
    this.name = name;
    this.sources = Map.copyOf(sources);
  }

  /** Starts the declaration of a publication. */
  public static Builder named(String name) {
    return new Builder(Names.check("publication", name));
  }

  /** The publication's name, in its topic's name. */
  public String name() {
    return name;
  }

  /** The aggregate types it publishes from. */
  public List<AggregateType<?, ?, ?>> sources() {
    return sources.values().stream().<AggregateType<?, ?, ?>>map(Source::type).toList();
  }

  /**
   * The integration event an appended event makes, if any.
   *
   * @throws ClassCastException when the event or state is not of the named aggregate type
   */
  public Optional<IntegrationEvent> publish(
      String aggregateType, Object event, Aggregate<?> aggregate) {
    Source<?, ?> source = sources.get(aggregateType);
    return source == null ? Optional.empty() : source.publish(event, aggregate);
  }

  /** The declaration of a publication, one aggregate type at a time. */
  public static final class Builder {
    private final String name;
    private final Map<String, Source<?, ?>> sources = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    /** How the events of an aggregate type are published. */
    public <E, S> Builder on(AggregateType<?, E, S> type, Mapping<E, S> mapping) {
      Objects.requireNonNull(mapping, "mapping");
      if (sources.putIfAbsent(type.name(), new Source<>(type, mapping)) != null) {
        throw new IllegalArgumentException(name + " publishes " + type.name() + " twice");
      }
      return this;
    }

    /** The publication; it publishes from at least one aggregate type. */
    public Publication build() {
      if (sources.isEmpty()) {
        throw new IllegalArgumentException(name + " publishes from no aggregate type");
      }
      return new Publication(name, sources);
    }
  }
}
