package io.cairn.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Arrays;
import java.util.Set;
import org.slf4j.Marker;

/**
 * Drops the warnings Kafka's clients give of states they recover from by themselves and that a user
 * can do nothing about, so that a warning in Cairn's log is one to act on. Each is matched
 * narrowly: the same loggers' other warnings, such as a broker that cannot be reached, still show.
 *
 * <ul>
 *   <li>Metadata naming Kafka Streams' own repartition and changelog topics unknown: Streams
 *       creates them in its first rebalance, after its consumers have asked for them.
 *   <li>A transactional produce retried after CONCURRENT_TRANSACTIONS, and the batches behind it
 *       retried after OUT_OF_ORDER_SEQUENCE_NUMBER: the broker was still writing the previous
 *       transaction's markers. A retry that fails for good is logged as an error, and still shows.
 *   <li>A standby replica of a views task that has no other instance to live on: the configured
 *       standby count is met as soon as a second instance joins, and Cairn says so at start.
 * </ul>
 */
public final class RoutineKafkaNoise extends TurboFilter {
  private static final String METADATA_LOGGER = "org.apache.kafka.clients.NetworkClient";
  private static final String SENDER_LOGGER = "org.apache.kafka.clients.producer.internals.Sender";
  private static final String STANDBY_ASSIGNOR_SUFFIX = "StandbyTaskAssignor";
  private static final Set<String> RETRIED_PRODUCE_ERRORS =
      Set.of("CONCURRENT_TRANSACTIONS", "OUT_OF_ORDER_SEQUENCE_NUMBER");
  private static final Set<String> TOPIC_NOT_YET_READY =
      Set.of("UNKNOWN_TOPIC_OR_PARTITION", "LEADER_NOT_AVAILABLE");

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String message, Object[] params, Throwable t) {
    // Kafka's clients log through their LogContext, which formats the message before Logback
    // sees it: the text is all there is to match.
    if (level != Level.WARN || message == null) {
      return FilterReply.NEUTRAL;
    }
    String name = logger.getName();
    boolean routine =
        switch (name) {
          case METADATA_LOGGER -> streamsTopicsNotYetCreated(message);
          case SENDER_LOGGER -> transactionalProduceRetried(message);
          default -> name.endsWith(STANDBY_ASSIGNOR_SUFFIX) && message.contains("standby tasks");
        };
    return routine ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  /** Whether the message is of a metadata answer naming only Streams' internal topics missing. */
  private static boolean streamsTopicsNotYetCreated(String message) {
    int open = message.lastIndexOf('{');
    if (!message.contains("reported a recoverable issue") || open < 0 || !message.endsWith("}")) {
      return false;
    }
    String errors = message.substring(open + 1, message.length() - 1);
    return !errors.isBlank()
        && Arrays.stream(errors.split(", "))
            .allMatch(
                error -> {
                  String[] topicAndError = error.split("=", 2);
                  return topicAndError.length == 2
                      && isStreamsInternal(topicAndError[0])
                      && TOPIC_NOT_YET_READY.contains(topicAndError[1]);
                });
  }

  private static boolean isStreamsInternal(String topic) {
    return topic.endsWith("-repartition") || topic.endsWith("-changelog");
  }

  private static boolean transactionalProduceRetried(String message) {
    return message.contains("Got error produce response")
        && message.contains(", retrying (")
        && RETRIED_PRODUCE_ERRORS.stream().anyMatch(error -> message.contains("Error: " + error));
  }
}
