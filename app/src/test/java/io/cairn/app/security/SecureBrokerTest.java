package io.cairn.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cairn.app.CairnApp;
import io.cairn.app.OwnBroker;
import io.cairn.app.cli.AclsCommand;
import io.cairn.app.config.CairnConfig;
import io.cairn.app.write.CommandClient;
import io.cairn.kafka.embedded.BrokerSecurity;
import io.cairn.testkit.ReadinessWait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The app end to end on its embedded broker in the secure mode: SCRAM-SHA-512 over TLS, Kafka's
 * StandardAuthorizer, and each role's ACLs. A command goes through exactly once as always; a data
 * team reads the events but not the commands; a user without ACLs reads nothing until {@code cairn
 * acls --apply} grants it a role's; a wrong password is refused.
 */
class SecureBrokerTest {
  @TempDir Path dir;

  @Test
  void theAppRunsOnTheSecureBrokerAndEachRoleMayDoOnlyWhatItsAclsSay() throws Exception {
    List<String> flags = OwnBroker.flags(dir, 1, "--broker.security=sasl_ssl");
    try (CairnApp app = CairnApp.start(CairnConfig.load(flags, Map.of()))) {
      ReadinessWait.awaitReady(app.httpUri(), Duration.ofSeconds(90));
      String bootstrap = app.broker().orElseThrow().bootstrapServers();
      BrokerSecurity security = app.broker().orElseThrow().security().orElseThrow();

      CommandClient.Answer added =
          new CommandClient(app.httpUri())
              .send("carts", "secure-cart", "AddItem", "{\"productId\":\"tea\",\"quantity\":1}");
      assertThat(added.status()).as(added.body()).isEqualTo(200);

      try (KafkaConsumer<String, byte[]> dataTeam =
          consumer(bootstrap, security, "data-team", "data-team-secure-test")) {
        dataTeam.subscribe(List.of("cairn.carts.events"));
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  dataTeam.poll(Duration.ofMillis(200)).forEach(read::add);
                  return read.stream().anyMatch(r -> r.key().equals("secure-cart"));
                });
      }
      try (KafkaConsumer<String, byte[]> dataTeam =
          consumer(bootstrap, security, "data-team", null)) {
        dataTeam.assign(List.of(new TopicPartition("cairn.carts.commands", 0)));
        dataTeam.seekToBeginning(dataTeam.assignment());
        assertThatThrownBy(() -> pollUntilRefused(dataTeam))
            .isInstanceOf(TopicAuthorizationException.class);
      }
      try (KafkaConsumer<String, byte[]> nobody = consumer(bootstrap, security, "nobody", null)) {
        nobody.assign(List.of(new TopicPartition("cairn.carts.events", 0)));
        nobody.seekToBeginning(nobody.assignment());
        assertThatThrownBy(() -> pollUntilRefused(nobody))
            .isInstanceOf(TopicAuthorizationException.class);
      }
      // What an operator does on a cluster of their own: grant a role's ACLs with the CLI.
      List<String> asAdmin = new ArrayList<>(List.of("--kafka.bootstrap.servers=" + bootstrap));
      security
          .clientSettings(BrokerSecurity.ADMIN)
          .forEach((key, value) -> asAdmin.add("--kafka." + key + "=" + value));
      List<String> grant = new ArrayList<>(List.of("--role=data-team", "--principal=User:nobody"));
      grant.add("--apply");
      grant.addAll(asAdmin);
      assertThat(
              new CommandLine(new AclsCommand(Map.of(), System.out, System.err))
                  .execute(grant.toArray(String[]::new)))
          .isZero();
      try (KafkaConsumer<String, byte[]> nobody =
          consumer(bootstrap, security, "nobody", "nobody-secure-test")) {
        nobody.subscribe(List.of("cairn.carts.events"));
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
        await()
            .atMost(Duration.ofSeconds(30))
            .ignoreException(TopicAuthorizationException.class)
            .until(
                () -> {
                  nobody.poll(Duration.ofMillis(200)).forEach(read::add);
                  return read.stream().anyMatch(r -> r.key().equals("secure-cart"));
                });
      }
      Map<String, Object> wrong = new HashMap<>(security.clientSettings("data-team"));
      wrong.put(
          "sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required"
              + " username=\"data-team\" password=\"not-the-password\";");
      wrong.put("bootstrap.servers", bootstrap);
      try (Admin impostor = Admin.create(wrong)) {
        assertThatThrownBy(() -> impostor.describeCluster().nodes().get())
            .isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(SaslAuthenticationException.class);
      }
    }
  }

  /** Polls for a while: a refusal surfaces as the poll's exception. */
  private static void pollUntilRefused(KafkaConsumer<String, byte[]> consumer) {
    for (int i = 0; i < 50; i++) {
      consumer.poll(Duration.ofMillis(200));
    }
  }

  /** A consumer as the user, in the group when one is named, else by assignment alone. */
  private static KafkaConsumer<String, byte[]> consumer(
      String bootstrap, BrokerSecurity security, String user, String group) {
    Map<String, Object> config = new HashMap<>(security.clientSettings(user));
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    if (group != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
