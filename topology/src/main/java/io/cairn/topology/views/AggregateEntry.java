package io.cairn.topology.views;

import java.time.Instant;

/**
 * An aggregate as the views fold it from its own events with its decider, kept by id: what the
 * aggregate endpoints show, and the state the views hand to projections with each event.
 *
 * @param version the version of its latest event
 * @param createdAt when its first event happened
 * @param updatedAt when its latest event happened
 * @param state its state after the latest event
 * @param <S> the aggregate's state type
 */
public record AggregateEntry<S>(long version, Instant createdAt, Instant updatedAt, S state) {}
