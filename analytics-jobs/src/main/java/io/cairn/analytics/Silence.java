package io.cairn.analytics;

import java.time.Duration;

/**
 * Tells whether a task has had no record for a while, by the wall-clock times of its punctuations
 * alone: a task of a live application that hears nothing is caught up with its log, while one that
 * replays a log hears records all the time.
 */
final class Silence {
  /** How long without a record makes a task silent. */
  static final Duration AFTER = Duration.ofMinutes(1);

  private boolean heard = true;
  private long lastHeard;

  /** A record came. */
  void heard() {
    heard = true;
  }

  /** Whether the task has heard nothing since a punctuation at least {@link #AFTER} before now. */
  boolean silentAt(long now) {
    if (heard) {
      heard = false;
      lastHeard = now;
    }
    return now - lastHeard >= AFTER.toMillis();
  }
}
