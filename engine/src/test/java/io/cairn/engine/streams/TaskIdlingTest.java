package io.cairn.engine.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.avro.contract.Contract;
import io.cairn.avro.testing.InMemoryRegistry;
import io.cairn.commerce.Commerce;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.engine.reactions.Reactions;
import io.cairn.engine.testing.TopologyDriver;
import io.cairn.engine.views.topology.ViewLag;
import io.cairn.engine.views.topology.ViewTopology;
import io.cairn.kafka.topics.CairnTopics;
import io.cairn.kafka.topics.ContractTopics;
import io.cairn.kafka.topics.TopicDefaults;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.KStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskIdlingTest {
  @TempDir Path stateDir;

  @Test
  void shouldTurnTheWaitOffWhenEverySubtopologyReadsOneTopic() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("a").to("b");
    builder.stream("b").to("c");

    assertThat(idleSetting(builder)).isEqualTo(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
  }

  @Test
  void shouldKeepTheWaitWhereASourceReadsTwoTopics() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("a").to("c");
    builder.stream(List.of("a2", "b")).to("c");

    assertThat(idleSetting(builder)).isNull();
  }

  @Test
  void shouldKeepTheWaitWhereTwoSourcesMeet() {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<Object, Object> a = builder.stream("a");
    a.merge(builder.stream("b")).to("c");

    assertThat(idleSetting(builder)).isNull();
  }

  @Test
  void shouldKeepTheWaitForATopicPattern() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(Pattern.compile("a.*")).to("c");

    assertThat(idleSetting(builder)).isNull();
  }

  @Test
  void theReferenceDomainsWriteSideWithAllItsReactionsReadsOnePartitionPerTask() {
    Reactions.Declared reactions =
        new Reactions.Declared(
            Commerce.policies(),
            Commerce.processManagers(Duration.ofDays(3), Duration.ofMinutes(1)),
            Commerce.inboxes(),
            Commerce.publications(),
            List.of(Commerce.paymentProvider()));
    try (TopologyDriver driver =
        new TopologyDriver(Commerce.aggregateTypes(), List.of(), reactions, stateDir)) {
      assertThat(driver.describe().subtopologies()).hasSizeGreaterThan(1);
      assertThat(TaskIdling.oneInputPerTask(driver.describe())).isTrue();
    }
  }

  @Test
  void theReferenceDomainsViewsReadSeveralInputsInSomeTasksAndKeepTheWait() {
    CairnTopics declared = new CairnTopics(new TopicDefaults(1, (short) 1));
    ContractTopics topics = new ContractTopics(declared, InMemoryRegistry.client(), true);
    Clock clock = Clock.systemUTC();
    StreamsBuilder builder = new StreamsBuilder();
    ViewTopology.build(
        builder,
        BoundAggregate.all(Commerce.aggregateTypes(), Contract.load()),
        Commerce.projections(),
        new ViewTopology.Settings(topics, new ViewLag(clock), Duration.ofDays(7), clock));

    assertThat(TaskIdling.oneInputPerTask(builder.build().describe())).isFalse();
  }

  private static Object idleSetting(StreamsBuilder builder) {
    Properties props = new Properties();
    TaskIdling.offWhereOneInput(props, builder.build().describe());
    return props.get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG);
  }
}
