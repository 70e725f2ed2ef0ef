package io.cairn.engine.reactions;

import java.time.Instant;

/**
 * A pending deadline of a process, and its key in the deadlines store: the time it passes first,
 * zero-padded, so the store's order is the order deadlines pass and the due ones are one range.
 *
 * @param due when it passes
 * @param processId the process
 * @param name the deadline's name
 */
public record DeadlineKey(Instant due, String processId, String name) {
  private static final String PAST_ANY_ID = "~";

  /** Its key in the store. */
  String key() {
    return prefix(due) + "|" + processId + "|" + name;
  }

  /** The key past every deadline due at or before the given time. */
  static String upTo(Instant now) {
    return prefix(now) + PAST_ANY_ID;
  }

  private static String prefix(Instant at) {
    return String.format("%015d", Math.max(0, at.toEpochMilli()));
  }
}
