package io.cairn.engine.views.stores;

import io.cairn.core.aggregate.Aggregate;
import java.time.Instant;

/**
 * An event as the views read it from the event log and carry it through their topology: the domain
 * event with where it comes from, its payload as the events endpoint shows it, and, once the views
 * have folded its aggregate, the aggregate's creation time and state after it.
 *
 * @param type the aggregate type that appended it ({@code products})
 * @param aggregateId the aggregate it belongs to
 * @param version the aggregate's version after it
 * @param occurredAt when it happened
 * @param provenance the flow it belongs to, what caused it and who asked
 * @param name the event's type name ({@code PriceChanged})
 * @param event the domain event record
 * @param payloadJson the event's payload as JSON, as command replies show it
 * @param createdAt when the aggregate's first event happened; null until the views fold it
 * @param state the aggregate's state after the event; null until the views fold it
 */
public record DecodedEvent(
    String type,
    String aggregateId,
    long version,
    Instant occurredAt,
    Provenance provenance,
    String name,
    Object event,
    String payloadJson,
    Instant createdAt,
    Object state) {

  /** This event with its aggregate's creation time and state after it. */
  public DecodedEvent folded(Instant createdAt, Object state) {
    return new DecodedEvent(
        type,
        aggregateId,
        version,
        occurredAt,
        provenance,
        name,
        event,
        payloadJson,
        createdAt,
        state);
  }

  /** The event's aggregate after it, as a view receives it with the event. */
  public Aggregate<?> aggregate() {
    return new Aggregate<>(aggregateId, version, createdAt, occurredAt, state);
  }
}
