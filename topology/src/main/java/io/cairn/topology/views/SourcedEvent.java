package io.cairn.topology.views;

import java.time.Instant;

/**
 * An event as the views read it from the event log: the domain event, with where it comes from.
 *
 * @param type the aggregate type that appended it ({@code products})
 * @param aggregateId the aggregate it belongs to
 * @param version the aggregate's version after it
 * @param occurredAt when it happened
 * @param name the event's type name ({@code PriceChanged})
 * @param event the domain event record
 * @param payloadJson the event's payload as JSON, as command replies show it
 */
public record SourcedEvent(
    String type,
    String aggregateId,
    long version,
    Instant occurredAt,
    String name,
    Object event,
    String payloadJson) {}
