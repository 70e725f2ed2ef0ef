package io.cairn.analytics;

import java.time.Duration;

/**
 * Tells whether a task has had no record for a while, by the wall-clock times of its punctuations
 * alone: a task of a live application that hears nothing is caught up with its log, while one that
 * replays a log hears records all the time.
 */
final class Silence {
  private final long afterMillis;
  private boolean heard = true;
  private long lastHeard;

  /** A task's silence, which begins after this long without a record. */
  Silence(Duration after) {
    this.afterMillis = after.toMillis();
  }

  /** A record came. */
  void heard() {
    heard = true;
  }

  /** Whether the task has heard nothing since a punctuation at least the silence's time ago. */
  boolean silentAt(long now) {
    if (heard) {
      heard = false;
      lastHeard = now;
    }
    return now - lastHeard >= afterMillis;
  }
}
