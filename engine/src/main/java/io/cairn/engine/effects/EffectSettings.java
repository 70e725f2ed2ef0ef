package io.cairn.engine.effects;

import java.time.Duration;

/**
 * How an effect's runner retries its calls.
 *
 * @param firstBackoff the wait after a call's first failure; each further failure doubles it
 * @param longestBackoff the longest wait between two attempts
 * @param giveUpAfter how long a call is retried before it goes to the dead-letter queue
 * @param concurrency how many calls may be under way at once
 */
public record EffectSettings(
    Duration firstBackoff, Duration longestBackoff, Duration giveUpAfter, int concurrency) {

  /** Checks that the times are positive, in order, and that calls may be made. */
  public EffectSettings {
    if (firstBackoff.isNegative()
        || firstBackoff.isZero()
        || longestBackoff.compareTo(firstBackoff) < 0
        || giveUpAfter.isNegative()
        || giveUpAfter.isZero()) {
      throw new IllegalArgumentException(
          "backoffs are positive, the first no longer than the longest, and calls are retried a"
              + " positive time");
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("at least one call is made at a time, not " + concurrency);
    }
  }

  /** The wait after the one given. */
  Duration after(Duration wait) {
    Duration doubled = wait.multipliedBy(2);
    return doubled.compareTo(longestBackoff) > 0 ? longestBackoff : doubled;
  }
}
