package io.cairn.kafka.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithRealKafka
class TopicProvisionerTest {
  private Admin admin;
  private TopicProvisioner provisioner;
  private String type;

  @BeforeEach
  void connect(KafkaTestCluster kafka) {
    admin = Admin.create(kafka.clientProperties());
    provisioner = new TopicProvisioner(admin, Duration.ofSeconds(30));
    type = kafka.uniqueName("carts");
  }

  @AfterEach
  void close() {
    admin.close();
  }

  @Test
  void shouldCreateMissingTopicsWithTheirDeclaredConfigs() throws Exception {
    CairnTopics topics = new CairnTopics(new TopicDefaults(3, (short) 1));

    List<String> created = provisioner.ensure(List.of(topics.events(type), topics.state(type)));

    assertThat(created)
        .containsExactlyInAnyOrder(topics.events(type).name(), topics.state(type).name());
    var events = new ConfigResource(ConfigResource.Type.TOPIC, topics.events(type).name());
    var config = admin.describeConfigs(List.of(events)).all().get().get(events);
    assertThat(config.get("retention.ms").value()).isEqualTo("-1");
    assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
    assertThat(
            admin
                .describeTopics(List.of(topics.state(type).name()))
                .allTopicNames()
                .get()
                .get(topics.state(type).name())
                .partitions())
        .hasSize(3);
  }

  @Test
  void shouldAcceptTopicsThatMatchTheirDeclarations() {
    List<TopicSpec> declared = new CairnTopics(new TopicDefaults(2, (short) 1)).all(List.of(type));
    provisioner.ensure(declared);

    List<String> createdAgain = provisioner.ensure(declared);

    assertThat(createdAgain).isEmpty();
  }

  @Test
  void shouldRefuseExistingTopicWithOtherPartitionCount() throws Exception {
    TopicSpec events = new CairnTopics(new TopicDefaults(6, (short) 1)).events(type);
    admin.createTopics(Set.of(new NewTopic(events.name(), 3, (short) 1))).all().get();

    assertThatThrownBy(() -> provisioner.ensure(List.of(events)))
        .isInstanceOf(TopicMismatchException.class)
        .hasMessageContaining(events.name() + " has 3 partitions, but Cairn declares 6");
  }

  @Test
  void shouldRefuseCompactedTopicDeclaredAsEventLog() throws Exception {
    TopicSpec events = new CairnTopics(new TopicDefaults(1, (short) 1)).events(type);
    admin
        .createTopics(
            Set.of(
                new NewTopic(events.name(), 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact"))))
        .all()
        .get();

    assertThatThrownBy(() -> provisioner.ensure(List.of(events)))
        .isInstanceOf(TopicMismatchException.class)
        .hasMessageContaining(
            events.name()
                + " has cleanup.policy=compact, but Cairn declares cleanup.policy=delete");
  }

  @Test
  void shouldRefuseAnEventLogThatExpiresUnlessArchivingIsAllowed() throws Exception {
    TopicSpec events = new CairnTopics(new TopicDefaults(1, (short) 1)).events(type);
    admin
        .createTopics(
            Set.of(
                new NewTopic(events.name(), 1, (short) 1)
                    .configs(Map.of("retention.ms", "604800000"))))
        .all()
        .get();

    assertThatThrownBy(() -> provisioner.ensure(List.of(events)))
        .isInstanceOf(TopicMismatchException.class)
        .hasMessageContaining(events.name() + " has retention.ms=604800000")
        .hasMessageContaining("topics.allow.finite.retention=true");
    assertThat(new TopicProvisioner(admin, Duration.ofSeconds(30), true).ensure(List.of(events)))
        .as("an archiving setup may keep it so")
        .isEmpty();
  }
}
