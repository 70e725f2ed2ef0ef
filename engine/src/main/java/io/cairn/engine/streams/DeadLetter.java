package io.cairn.engine.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record for the dead-letter queue: the original key, value and headers, byte for byte, plus
 * headers naming where it came from and why it could not be processed. The header names are part of
 * the public contract of {@code cairn.dlq}.
 */
public final class DeadLetter {
  /** The topic the record was read from. */
  public static final String TOPIC = "cairn-dlq-topic";

  /** Its partition there; -1 when it had not been written anywhere yet. */
  public static final String PARTITION = "cairn-dlq-partition";

  /** Its offset there; -1 when it had not been written anywhere yet. */
  public static final String OFFSET = "cairn-dlq-offset";

  /** The Kafka Streams application that could not process it. */
  public static final String APPLICATION = "cairn-dlq-application";

  /** Why: {@code unknown_type}, {@code unreadable}, {@code failed}, {@code rejected:<rule>}. */
  public static final String REASON = "cairn-dlq-reason";

  /** The class of the exception, when one was thrown. */
  public static final String EXCEPTION = "cairn-dlq-exception";

  /** The exception's message, or the rule's sentence for a rejection. */
  public static final String MESSAGE = "cairn-dlq-message";

  /** When it was put in the queue, as an ISO-8601 instant. */
  public static final String TIME = "cairn-dlq-time";

  /** The prefix of every header the queue adds, which a retry takes off again. */
  public static final String PREFIX = "cairn-dlq-";

  private static final int LONGEST_MESSAGE = 2_000;

  private DeadLetter() {}

  /**
   * Where a record came from.
   *
   * @param application the application that could not process it
   * @param topic the topic it was read from
   * @param partition its partition
   * @param offset its offset
   */
  public record Origin(String application, String topic, int partition, long offset) {
    /** Checks that the names are there. */
    public Origin {
      Objects.requireNonNull(application, "application");
      Objects.requireNonNull(topic, "topic");
    }
  }

  /**
   * The dead-letter record of a record.
   *
   * @param queue the dead-letter topic
   * @param origin where the record came from
   * @param key its key bytes
   * @param value its value bytes
   * @param headers its headers, copied over
   * @param reason why it could not be processed
   * @param error what was thrown, if anything
   * @param message what went wrong, for people
   * @param at when
   */
  public static ProducerRecord<byte[], byte[]> of(
      String queue,
      Origin origin,
      byte[] key,
      byte[] value,
      Headers headers,
      String reason,
      Throwable error,
      String message,
      Instant at) {
    RecordHeaders all = new RecordHeaders();
    if (headers != null) {
      for (Header header : headers) {
        if (!header.key().startsWith(PREFIX)) {
          all.add(header.key(), header.value());
        }
      }
    }
    put(all, TOPIC, origin.topic());
    put(all, PARTITION, Integer.toString(origin.partition()));
    put(all, OFFSET, Long.toString(origin.offset()));
    put(all, APPLICATION, origin.application());
    put(all, REASON, reason);
    if (error != null) {
      put(all, EXCEPTION, error.getClass().getName());
    }
    if (message != null) {
      put(all, MESSAGE, shortened(message));
    }
    put(all, TIME, at.truncatedTo(ChronoUnit.MILLIS).toString());
    return new ProducerRecord<>(queue, null, key, value, all);
  }

  private static String shortened(String message) {
    return message.length() <= LONGEST_MESSAGE ? message : message.substring(0, LONGEST_MESSAGE);
  }

  private static void put(Headers headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
