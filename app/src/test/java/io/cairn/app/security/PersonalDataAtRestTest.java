package io.cairn.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.app.RunningApp;
import io.cairn.app.TopicReader;
import io.cairn.app.write.CommandClient;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A customer's name and email, declared personal in the contract, are sealed everywhere they are
 * kept (the commands, the events, the states, the replies) and plain only in the answers the API
 * gives: a data team's client reading the topics sees ciphertext.
 */
@WithRealKafka
class PersonalDataAtRestTest {
  @RegisterExtension static final RunningApp app = new RunningApp();

  @Test
  void personalFieldsAreSealedInEveryTopicAndOpenInEveryAnswer(KafkaTestCluster kafka) {
    String customer = "private-" + UUID.randomUUID().toString().substring(0, 8);
    String email = customer + "@example.com";
    CommandClient client = app.client();

    CommandClient.Answer registered =
        client.send(
            "customers",
            customer,
            "RegisterCustomer",
            "{\"name\":\"Ada Private\",\"email\":\"" + email + "\"}");
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    assertThat(registered.body()).contains(email, "Ada Private");
    String token = registered.json().get("consistencyToken").asText();

    assertThat(client.get("/api/v1/customers/" + customer + "?consistencyToken=" + token).body())
        .contains(email, "Ada Private");
    assertThat(client.get("/api/v1/customers/" + customer + "/events").body())
        .contains(email, "Ada Private");
    for (String topic :
        List.of(
            "cairn.customers.commands",
            "cairn.customers.events",
            "cairn.customers.state",
            "cairn.command-replies")) {
      assertThat(everyValueOf(kafka, topic))
          .as(topic)
          .isNotEmpty()
          .noneMatch(value -> value.contains(email) || value.contains("Ada Private"));
    }
  }

  /** Every record of the topic, as text: what any client with read access sees. */
  private static List<String> everyValueOf(KafkaTestCluster kafka, String topic) {
    return TopicReader.readAll(
            kafka,
            topic,
            (name, bytes) -> bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1))
        .stream()
        .map(record -> (String) record.value())
        .toList();
  }
}
