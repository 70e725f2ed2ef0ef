package io.cairn.engine.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.topics.TopicDefaults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {
  private static final StreamsSettings COMMANDS =
      new StreamsSettings(
          Path.of("data/streams"), 2, Duration.ofMillis(20), Duration.ofMillis(500));

  @Test
  void shouldPollNoLongerThanACommitIntervalSinceAThreadCommitsOnlyBetweenPolls() {
    StreamsConfig commands = config(COMMANDS);
    StreamsConfig views = config(COMMANDS.withCommitInterval(Duration.ofMillis(100)));

    assertThat(commands.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(20);
    assertThat(commands.getLong(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(20);
    assertThat(views.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(100);
    assertThat(views.getLong(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(100);
  }

  @Test
  void shouldAnswerAFetchAsSoonAsARecordCanBeReadAndLetAnIdleOneWait() {
    Map<String, Object> consumer =
        new HashMap<>(config(COMMANDS).getMainConsumerConfigs("cairn-commands", "client", 0));
    // Kafka Streams gives its consumers their deserializers when it makes them.
    consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    ConsumerConfig effective = new ConsumerConfig(consumer);

    assertThat(effective.getInt(ConsumerConfig.FETCH_MIN_BYTES_CONFIG)).isEqualTo(1);
    assertThat(effective.getInt(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)).isEqualTo(500);
  }

  private static StreamsConfig config(StreamsSettings settings) {
    try (SkippedRecords skipped = SkippedRecords.register("streams-properties-test")) {
      return new StreamsConfig(
          StreamsProperties.exactlyOnce(
              "cairn-commands",
              settings,
              new TopicDefaults(6, (short) 1),
              new KafkaConnection("127.0.0.1:9092", Map.of()),
              skipped,
              "cairn.dead-letters"));
    }
  }
}
