package io.cairn.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.NetworkClient;
import org.apache.kafka.clients.producer.internals.Sender;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.utils.LogContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The filter on Kafka's own loggers, fed the messages as Kafka's clients write them. */
class RoutineKafkaNoiseTest {
  private static final String METADATA_ISSUE =
      "The metadata response from the cluster reported a recoverable issue with correlation id {}"
          + " : {}";
  private static final String PRODUCE_RETRIED =
      "Got error produce response with correlation id {} on topic-partition {}, retrying ({}"
          + " attempts left). Error: {}";

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final RoutineKafkaNoise filter = new RoutineKafkaNoise();
  private final ListAppender<ILoggingEvent> seen = new ListAppender<>();

  @BeforeEach
  void listen() {
    filter.start();
    context.addTurboFilter(filter);
    seen.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(seen);
  }

  @AfterEach
  void stopListening() {
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(seen);
    context.getTurboFilterList().remove(filter);
  }

  @Test
  void shouldDropMetadataNamingOnlyStreamsInternalTopicsNotYetCreated() {
    Logger metadata = kafkaLogger(NetworkClient.class);

    metadata.warn(
        METADATA_ISSUE,
        2,
        Map.of(
            "cairn-views-report-top-products-repartition", Errors.UNKNOWN_TOPIC_OR_PARTITION,
            "cairn-views-view-carts-changelog", Errors.LEADER_NOT_AVAILABLE));
    metadata.warn(
        METADATA_ISSUE, 3, Map.of("cairn.carts.events", Errors.UNKNOWN_TOPIC_OR_PARTITION));
    metadata.warn(
        METADATA_ISSUE,
        4,
        Map.of("cairn-views-view-carts-changelog", Errors.TOPIC_AUTHORIZATION_FAILED));
    metadata.warn("Connection to node {} could not be established.", 1);

    assertThat(messages())
        .hasSize(3)
        .anySatisfy(line -> assertThat(line).contains("cairn.carts.events"))
        .anySatisfy(line -> assertThat(line).contains("TOPIC_AUTHORIZATION_FAILED"))
        .anySatisfy(line -> assertThat(line).contains("could not be established"));
  }

  @Test
  void shouldDropTransactionalProduceRetriesButNotOtherProduceErrors() {
    Logger sender = kafkaLogger(Sender.class);

    sender.warn(
        PRODUCE_RETRIED, 1017, "cairn.carts.state-2", 2147483646, "CONCURRENT_TRANSACTIONS");
    sender.warn(
        PRODUCE_RETRIED, 1018, "cairn.carts.state-2", 2147483646, "OUT_OF_ORDER_SEQUENCE_NUMBER");
    sender.warn(PRODUCE_RETRIED, 1019, "cairn.carts.state-2", 2147483646, "NOT_ENOUGH_REPLICAS");

    assertThat(messages()).singleElement().asString().contains("NOT_ENOUGH_REPLICAS");
  }

  @Test
  void shouldDropUnplaceableStandbysOnly() {
    Logger assignor =
        LoggerFactory.getLogger(
            "org.apache.kafka.streams.processor.internals.assignment.DefaultStandbyTaskAssignor");

    assignor.warn(
        "Unable to assign {} of {} standby tasks for task [{}]. There is not enough available"
            + " capacity.",
        1,
        1,
        "9_5");
    assignor.warn("Something else went wrong");
    assignor.error("Unable to assign {} of {} standby tasks for task [{}].", 1, 1, "9_5");

    assertThat(messages()).hasSize(2);
  }

  private static Logger kafkaLogger(Class<?> type) {
    return new LogContext("[Consumer clientId=cairn-views-1, groupId=cairn-views] ").logger(type);
  }

  private List<String> messages() {
    return seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
