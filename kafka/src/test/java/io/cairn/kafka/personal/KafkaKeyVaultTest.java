package io.cairn.kafka.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.avro.personal.PersonalDataCipher;
import io.cairn.avro.personal.SubjectKey;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.topics.CairnTopics;
import io.cairn.kafka.topics.TopicDefaults;
import io.cairn.kafka.topics.TopicProvisioner;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The subjects' keys on the real broker: written before use and read back by every instance, and
 * gone for every instance, and for one started later, once the subject is erased.
 */
@WithRealKafka
class KafkaKeyVaultTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final String TOPIC =
      new CairnTopics(new TopicDefaults(1, (short) 1)).personalKeys().name();

  private KafkaConnection kafka;
  private String subject;

  @BeforeEach
  void provision(KafkaTestCluster cluster) {
    try (Admin admin = Admin.create(cluster.clientProperties())) {
      new TopicProvisioner(admin, TIMEOUT)
          .ensure(List.of(new CairnTopics(new TopicDefaults(1, (short) 1)).personalKeys()));
    }
    kafka = new KafkaConnection(cluster.bootstrapServers(), Map.of());
    subject = "customer-" + UUID.randomUUID();
  }

  @Test
  void aKeyMadeByOneInstanceOpensWhatItSealedOnAnother() {
    try (KafkaKeyVault one = new KafkaKeyVault(kafka, TOPIC, TIMEOUT);
        KafkaKeyVault two = new KafkaKeyVault(kafka, TOPIC, TIMEOUT)) {
      String sealed = PersonalDataCipher.seal(one.keyFor(subject), "Ann Smith");

      assertThat(PersonalDataCipher.open(two, sealed)).isEqualTo("Ann Smith");
      assertThat(two.keyFor(subject).id()).isEqualTo(one.keyFor(subject).id());
    }
  }

  @Test
  void anErasedSubjectsDataOpensNowhereAnyMore() {
    String sealed;
    try (KafkaKeyVault one = new KafkaKeyVault(kafka, TOPIC, TIMEOUT);
        KafkaKeyVault two = new KafkaKeyVault(kafka, TOPIC, TIMEOUT)) {
      sealed = PersonalDataCipher.seal(one.keyFor(subject), "ann@example.com");
      assertThat(PersonalDataCipher.open(two, sealed)).isEqualTo("ann@example.com");

      one.erase(subject);

      assertThat(PersonalDataCipher.open(one, sealed)).isEqualTo(PersonalDataCipher.ERASED);
      // Another instance stops opening it as soon as it reads the tombstone.
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> PersonalDataCipher.open(two, sealed).equals(PersonalDataCipher.ERASED));
    }
    try (KafkaKeyVault later = new KafkaKeyVault(kafka, TOPIC, TIMEOUT)) {
      assertThat(PersonalDataCipher.open(later, sealed)).isEqualTo(PersonalDataCipher.ERASED);
    }
  }

  @Test
  void twoKeysMadeAtOnceBothStayAndEachOpensWhatItSealed() throws Exception {
    try (KafkaKeyVault one = new KafkaKeyVault(kafka, TOPIC, TIMEOUT);
        KafkaKeyVault two = new KafkaKeyVault(kafka, TOPIC, TIMEOUT)) {
      var first = Thread.ofVirtual().start(() -> one.keyFor(subject));
      SubjectKey fromTwo = two.keyFor(subject);
      first.join();
      String sealedByTwo = PersonalDataCipher.seal(fromTwo, "Ann");
      String sealedByOne = PersonalDataCipher.seal(one.keyFor(subject), "Ann");

      assertThat(PersonalDataCipher.open(one, sealedByTwo)).isEqualTo("Ann");
      assertThat(PersonalDataCipher.open(two, sealedByOne)).isEqualTo("Ann");
    }
  }
}
