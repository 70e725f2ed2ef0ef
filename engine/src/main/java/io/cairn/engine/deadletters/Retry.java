package io.cairn.engine.deadletters;

import java.time.Instant;

/** What became of a request to retry an entry of the dead-letter queue. */
public sealed interface Retry {

  /**
   * The record is back on its topic.
   *
   * @param entry the entry, marked retried
   */
  record Done(DeadLetterEntry entry) implements Retry {}

  /** No entry has that id (or it is older than the entries this instance keeps). */
  record NotFound() implements Retry {}

  /**
   * The entry's record may not go back on its topic.
   *
   * @param why a sentence saying why, and what to do instead
   */
  record NotRetryable(String why) implements Retry {}

  /**
   * The entry was retried already.
   *
   * @param at when
   */
  record AlreadyRetried(Instant at) implements Retry {}
}
