package io.cairn.commerce.views;

import io.cairn.topology.decider.Decider;
import io.cairn.topology.views.SourcedEvent;
import java.time.Duration;
import java.time.Instant;

/**
 * One aggregate's events as the views receive them, folded with the aggregate's own decider the way
 * the views application folds them, a minute apart from a fixed start.
 */
final class History<E, S> {
  static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

  private final String type;
  private final String id;
  private final Decider<?, E, S> decider;
  private S state;
  private long version;
  private Instant at;
  private Instant createdAt;

  History(String type, String id, Decider<?, E, S> decider, Instant start) {
    this.type = type;
    this.id = id;
    this.decider = decider;
    this.state = decider.initialState();
    this.at = start;
  }

  History(String type, String id, Decider<?, E, S> decider) {
    this(type, id, decider, START);
  }

  /** The aggregate's next event, with its state after it. */
  SourcedEvent then(E event) {
    state = decider.evolve(state, event);
    version++;
    at = at.plus(Duration.ofMinutes(1));
    if (version == 1) {
      createdAt = at;
    }
    return new SourcedEvent(
            type, id, version, at, event.getClass().getSimpleName(), event, "{}", null, null)
        .folded(createdAt, state);
  }
}
