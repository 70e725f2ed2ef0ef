package io.cairn.topology.views;

import java.time.Instant;

/**
 * An event as the views read it from the event log: the domain event, with where it comes from and
 * the state of its aggregate after it, so a view can use what an event does not repeat (an order's
 * customer, on the order's later events).
 *
 * @param type the aggregate type that appended it ({@code products})
 * @param aggregateId the aggregate it belongs to
 * @param version the aggregate's version after it
 * @param occurredAt when it happened
 * @param name the event's type name ({@code PriceChanged})
 * @param event the domain event record
 * @param payloadJson the event's payload as JSON, as command replies show it
 * @param createdAt when the aggregate's first event happened; null until the views fold it
 * @param state the aggregate's state after the event; null until the views fold it
 */
public record SourcedEvent(
    String type,
    String aggregateId,
    long version,
    Instant occurredAt,
    String name,
    Object event,
    String payloadJson,
    Instant createdAt,
    Object state) {

  /**
   * An aggregate's latest state as an event without its payload: what a {@link ViewKey} or a list's
   * row key is taken from when a query needs to know where an aggregate's events went.
   */
  public static SourcedEvent latest(String type, String aggregateId, AggregateEntry<?> entry) {
    return new SourcedEvent(
        type,
        aggregateId,
        entry.version(),
        entry.updatedAt(),
        null,
        null,
        null,
        entry.createdAt(),
        entry.state());
  }

  /** This event with its aggregate's creation time and state after it. */
  public SourcedEvent folded(Instant createdAt, Object state) {
    return new SourcedEvent(
        type, aggregateId, version, occurredAt, name, event, payloadJson, createdAt, state);
  }

  /** The state after the event, as the aggregate's state type. */
  public <S> S state(Class<S> stateType) {
    return stateType.cast(state);
  }
}
