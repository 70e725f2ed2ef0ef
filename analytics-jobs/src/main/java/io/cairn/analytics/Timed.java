package io.cairn.analytics;

/**
 * What an event adds to a report, on its way to the task that keeps the report's key: the delta,
 * when its event happened, and how far its source partition had got then, which says which of its
 * windows had closed.
 *
 * @param delta what it adds
 * @param at when its event happened, in milliseconds since the epoch
 * @param seen the latest event time its source partition had reached, in milliseconds
 * @param <D> the report's deltas
 */
public record Timed<D>(D delta, long at, long seen) {}
