package io.cairn.core.report;

import java.util.Objects;

/**
 * What one event adds to one key's window of a report: a product's sale, an officer's connection.
 *
 * @param key the report's key it counts under ({@code tea}, or {@link Report#ALL} for a report of
 *     one key)
 * @param delta what it adds, a record the report's fold adds up
 * @param <D> the report's deltas
 */
public record Keyed<D>(String key, D delta) {
  /** Checks both are there. */
  public Keyed {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("a report's key is not blank");
    }
    Objects.requireNonNull(delta, "delta");
  }
}
