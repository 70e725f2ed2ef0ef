package io.cairn.queries.aggregates;

import io.cairn.engine.views.stores.AggregateEntry;
import java.time.Instant;

/**
 * An aggregate's state as the API shows it.
 *
 * @param type the aggregate type
 * @param id the aggregate id
 * @param version the version of its latest event
 * @param createdAt when its first event happened
 * @param updatedAt when its latest event happened
 * @param state its state
 */
record AggregateAnswer(
    String type, String id, long version, Instant createdAt, Instant updatedAt, Object state) {
  static AggregateAnswer of(String type, String id, AggregateEntry<?> entry) {
    return new AggregateAnswer(
        type, id, entry.version(), entry.createdAt(), entry.updatedAt(), entry.state());
  }
}
