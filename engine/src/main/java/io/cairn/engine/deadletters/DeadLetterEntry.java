package io.cairn.engine.deadletters;

import java.time.Instant;

/**
 * An entry of the dead-letter queue, as its list shows it.
 *
 * @param id its id: its partition and offset in the queue, {@code <partition>-<offset>}
 * @param topic the topic its record was read from
 * @param partition the record's partition there, -1 when it had not been written yet
 * @param offset the record's offset there, -1 when it had not been written yet
 * @param application the application that could not process it
 * @param reason why: {@code unknown_type}, {@code unreadable}, {@code failed}, {@code
 *     rejected:<rule>}
 * @param exception the class of what was thrown, if anything was
 * @param message what went wrong, for people
 * @param at when it was put in the queue
 * @param key the record's key, as text
 * @param retryable whether a retry may put the record back on its topic: not for an event log,
 *     which is never appended to but by its aggregates
 * @param retriedAt when it was retried, null while it has not been
 */
public record DeadLetterEntry(
    String id,
    String topic,
    int partition,
    long offset,
    String application,
    String reason,
    String exception,
    String message,
    Instant at,
    String key,
    boolean retryable,
    Instant retriedAt) {

  DeadLetterEntry retried(Instant when) {
    return new DeadLetterEntry(
        id,
        topic,
        partition,
        offset,
        application,
        reason,
        exception,
        message,
        at,
        key,
        retryable,
        when);
  }
}
