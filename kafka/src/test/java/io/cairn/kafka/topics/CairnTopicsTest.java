package io.cairn.kafka.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CairnTopicsTest {
  private final CairnTopics topics = new CairnTopics(new TopicDefaults(6, (short) 3));

  @Test
  void shouldKeepEventLogForeverAndNeverCompactIt() {
    TopicSpec events = topics.events("carts");

    assertThat(events.name()).isEqualTo("cairn.carts.events");
    assertThat(events.cleanupPolicy()).isEqualTo("delete");
    assertThat(events.configs()).containsEntry("retention.ms", "-1");
    assertThat(events.configs()).containsEntry("retention.bytes", "-1");
  }

  @Test
  void shouldCompactStateAndExpireCommands() {
    assertThat(topics.state("carts").cleanupPolicy()).isEqualTo("compact");
    assertThat(topics.commands("carts").configs()).containsEntry("retention.ms", "604800000");
  }

  @Test
  void shouldDeclareThreeTopicsPerAggregateTypeAndTheSharedOnes() {
    List<TopicSpec> all = topics.all(List.of("carts", "orders"));

    assertThat(all)
        .extracting(TopicSpec::name)
        .containsExactly(
            "cairn.carts.commands",
            "cairn.carts.events",
            "cairn.carts.state",
            "cairn.orders.commands",
            "cairn.orders.events",
            "cairn.orders.state",
            "cairn.command-replies",
            "cairn-commands-process-inputs",
            "cairn.dlq");
    assertThat(all).allSatisfy(spec -> assertThat(spec.partitions()).isEqualTo(6));
  }

  @Test
  void shouldRequireTwoInSyncReplicasWhenThreeCopiesAreKept() {
    assertThat(topics.events("carts").configs()).containsEntry("min.insync.replicas", "2");
    assertThat(new CairnTopics(new TopicDefaults(1, (short) 1)).events("carts").configs())
        .containsEntry("min.insync.replicas", "1");
  }

  @Test
  void shouldRejectIllegalTopicNames() {
    assertThatThrownBy(() -> topics.events("no spaces"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a legal Kafka topic name");
  }
}
