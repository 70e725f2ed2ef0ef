package io.cairn.analytics;

/**
 * What an event adds to one window of a report, on its way to the task that keeps that window.
 *
 * @param key the report's key it counts under
 * @param start when the window starts, in milliseconds since the epoch
 * @param delta what it adds
 * @param <D> the report's deltas
 */
public record WindowDelta<D>(String key, long start, D delta) {}
