package io.cairn.core.aggregate;

import java.time.Instant;

/**
 * One aggregate as its events so far made it: what a view files an event under, and what it reads
 * beside the event.
 *
 * @param id the aggregate's id
 * @param version the version of its latest event
 * @param createdAt when its first event happened
 * @param updatedAt when its latest event happened
 * @param state its state after the latest event
 * @param <S> the aggregate type's state
 */
public record Aggregate<S>(
    String id, long version, Instant createdAt, Instant updatedAt, S state) {}
