package io.cairn.engine.views.stores;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.view.Projection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Folds an aggregate again from its {@link HistoryEntry history entries}, up to an instant, with
 * its own decider as the views do: an aggregate's state as of any time, and the events a view is
 * refolded from when the instant asked for is older than the view versions kept.
 */
public final class HistoryReplay {
  private final EventClasses classes;
  private final int maxEvents;

  /**
   * A replay of the events of these aggregate types.
   *
   * @param maxEvents the most events one replay folds; a longer history is {@link TooLong}
   */
  public HistoryReplay(List<AggregateType<?, ?, ?>> types, int maxEvents) {
    this.classes = new EventClasses(types);
    this.maxEvents = maxEvents;
  }

  /** A history longer than a replay folds. */
  public static final class TooLong extends RuntimeException {
    private final int maxEvents;

    TooLong(String aggregateId, int maxEvents) {
      super("the history of " + aggregateId + " holds more than " + maxEvents + " events");
      this.maxEvents = maxEvents;
    }

    /** The most events a replay folds. */
    public int maxEvents() {
      return maxEvents;
    }
  }

  /**
   * One aggregate's events that happened at or before an instant, each with its aggregate's state
   * after it.
   *
   * @param type the aggregate type's name
   * @param aggregateId the aggregate
   * @param entries its history entries in version order
   * @param asOf the instant
   */
  public List<DecodedEvent> replay(
      String type, String aggregateId, Iterator<byte[]> entries, Instant asOf) {
    return fold(classes.type(type), aggregateId, entries, asOf);
  }

  /** The aggregate after the last of its replayed events, if there is one. */
  public static Optional<AggregateEntry<?>> latest(List<DecodedEvent> events) {
    if (events.isEmpty()) {
      return Optional.empty();
    }
    DecodedEvent last = events.getLast();
    return Optional.of(
        new AggregateEntry<>(last.version(), last.createdAt(), last.occurredAt(), last.state()));
  }

  /**
   * A view of an id folded from its sources' replayed events, merged in the order they happened;
   * null when none made it. Only a view whose sources are all keyed by its own id can be folded
   * this way.
   */
  public static <V> V refold(Projection<V> projection, String id, List<DecodedEvent> events) {
    if (refoldable(projection)) {
      List<DecodedEvent> ordered = new ArrayList<>(events);
      // Stable: one aggregate's events stay in version order when their instants tie.
      ordered.sort(Comparator.comparing(DecodedEvent::occurredAt));
      V view = null;
      for (DecodedEvent event : ordered) {
        view = projection.evolve(id, view, event.type(), event.event(), event.aggregate());
      }
      return view;
    }
    throw new IllegalArgumentException(
        projection.name() + " folds other entities' events, which one history does not hold");
  }

  /** Whether a view is folded from its own id's events alone, so its history can refold it. */
  public static boolean refoldable(Projection<?> projection) {
    return projection.sources().stream().allMatch(source -> source.key().isEmpty());
  }

  private <E, S> List<DecodedEvent> fold(
      AggregateType<?, E, S> type, String aggregateId, Iterator<byte[]> entries, Instant asOf) {
    List<DecodedEvent> events = new ArrayList<>();
    S state = type.decider().initialState();
    Instant createdAt = null;
    while (entries.hasNext()) {
      DecodedEvent event = decode(type, aggregateId, entries.next());
      if (event.occurredAt().isAfter(asOf)) {
        break;
      }
      if (events.size() == maxEvents) {
        throw new TooLong(aggregateId, maxEvents);
      }
      state = type.decider().evolve(state, type.events().cast(event.event()));
      createdAt = createdAt == null ? event.occurredAt() : createdAt;
      events.add(event.folded(createdAt, state));
    }
    return events;
  }

  private DecodedEvent decode(AggregateType<?, ?, ?> type, String aggregateId, byte[] entry) {
    try {
      JsonNode head = ViewJson.MAPPER.readTree(HistoryEntry.head(entry));
      String name = head.get("type").asText();
      Object event =
          ViewJson.MAPPER.readValue(HistoryEntry.domain(entry), classes.event(type.name(), name));
      return new DecodedEvent(
          type.name(),
          aggregateId,
          head.get("version").asLong(),
          Instant.parse(head.get("occurredAt").asText()),
          provenance(head),
          name,
          event,
          head.get("payload").toString(),
          null,
          null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a history entry of " + aggregateId, e);
    }
  }

  /** The provenance in an entry's head; entries kept before heads had one name nothing. */
  private static Provenance provenance(JsonNode head) {
    return new Provenance(
        text(head, "correlationId"), text(head, "causationId"), text(head, "actor"));
  }

  private static String text(JsonNode head, String field) {
    JsonNode value = head.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
