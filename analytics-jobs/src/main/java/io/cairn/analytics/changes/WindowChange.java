package io.cairn.analytics.changes;

import java.time.Instant;

/**
 * A window of a report as it was changed, read off the report's changelog.
 *
 * @param partition the changelog partition it was read from
 * @param offset its offset there
 * @param key the report's key
 * @param start when the window starts
 * @param window the window's value after the change
 */
public record WindowChange(int partition, long offset, String key, Instant start, Object window) {}
