package io.cairn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.avro.contract.Contract;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.testing.InMemoryRegistry;
import io.cairn.commerce.Commerce;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.topics.CairnTopics;
import io.cairn.kafka.topics.ContractTopics;
import io.cairn.kafka.topics.TopicDefaults;
import io.cairn.kafka.topics.TopicProvisioner;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import io.cairn.web.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's answers when nobody can answer the command: 503 while the processors are down, and
 * 504 when the command was sent but its outcome never came, 503 beyond the in-flight limit. Real
 * broker; the schemas are held in memory.
 */
@WithRealKafka
class CommandGatewayTest {
  private static final CairnTopics TOPICS = new CairnTopics(new TopicDefaults(1, (short) 1));
  private static KafkaConnection kafka;
  private static SchemaRegistryClient client;

  @BeforeAll
  static void start(KafkaTestCluster cluster) {
    kafka = new KafkaConnection(cluster.bootstrapServers(), Map.of());
    try (Admin admin = Admin.create(cluster.clientProperties())) {
      new TopicProvisioner(admin, Duration.ofSeconds(30))
          .ensure(List.of(TOPICS.commands("carts"), TOPICS.commandReplies()));
    }
    client = InMemoryRegistry.client();
  }

  @Test
  void shouldAnswerNotReadyAndSendNothingWhileProcessorsAreDown() {
    try (CommandGateway gateway = gateway(() -> false, Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> gateway.submit(addItem("cart-1")))
          .isInstanceOf(ApiException.class)
          .satisfies(
              e -> {
                ApiException api = (ApiException) e;
                assertThat(api.status()).isEqualTo(503);
                assertThat(api.error().error()).isEqualTo("not_ready");
                assertThat(api.headers()).containsEntry("Retry-After", "1");
              });
    }
  }

  @Test
  void shouldSayWhyAndSendNothingWhileTheProcessorsAreHeldBack() {
    Processing held =
        new Processing(() -> false, () -> Optional.of("the carts store trails its event log."));
    try (CommandGateway gateway = gateway(held, Duration.ofSeconds(1), 100)) {
      assertThatThrownBy(() -> gateway.submit(addItem("cart-held")))
          .isInstanceOf(ApiException.class)
          .satisfies(
              e -> {
                ApiException api = (ApiException) e;
                assertThat(api.status()).isEqualTo(503);
                assertThat(api.error().error()).isEqualTo("aggregates_behind_log");
                assertThat(api.error().message())
                    .contains("the carts store trails its event log.")
                    .contains("Nothing was written");
                assertThat(api.headers()).containsEntry("Retry-After", "60");
              });
    }
  }

  @Test
  void shouldAnswerTimeoutWhenTheOutcomeDoesNotCome() {
    try (CommandGateway gateway = gateway(() -> true, Duration.ofMillis(500))) {
      var reply = gateway.submit(addItem("cart-2"));

      assertThatThrownBy(reply::join)
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(ApiException.class)
          .satisfies(
              e -> {
                ApiException api = (ApiException) e;
                assertThat(api.status()).isEqualTo(504);
                assertThat(api.error().error()).isEqualTo("command_timeout");
                assertThat(api.error().message()).contains("same Idempotency-Key is safe");
                assertThat(api.error().details()).containsKey("commandId");
              });
    }
  }

  @Test
  void shouldRefuseCommandsBeyondTheInFlightLimitUntilOthersEnd() {
    try (CommandGateway gateway = gateway(() -> true, Duration.ofSeconds(1), 2)) {
      var first = gateway.submit(addItem("cart-3"));
      var second = gateway.submit(addItem("cart-4"));

      assertThatThrownBy(() -> gateway.submit(addItem("cart-5")))
          .isInstanceOf(ApiException.class)
          .satisfies(
              e -> {
                ApiException api = (ApiException) e;
                assertThat(api.status()).isEqualTo(503);
                assertThat(api.error().error()).isEqualTo("overloaded");
                assertThat(api.headers()).containsEntry("Retry-After", "1");
              });

      // Both end in a 504 (nothing answers them here), which frees their places.
      assertThatThrownBy(first::join).hasCauseInstanceOf(ApiException.class);
      assertThatThrownBy(second::join).hasCauseInstanceOf(ApiException.class);
      assertThat(gateway.submit(addItem("cart-5"))).isNotNull();
    }
  }

  private static CommandGateway gateway(BooleanSupplier ready, Duration timeout) {
    return gateway(ready, timeout, 100);
  }

  private static CommandGateway gateway(BooleanSupplier ready, Duration timeout, int maxInFlight) {
    return gateway(Processing.whenReady(ready), timeout, maxInFlight);
  }

  private static CommandGateway gateway(Processing processing, Duration timeout, int maxInFlight) {
    return CommandGateway.start(
        new CommandGateway.Settings(timeout, maxInFlight),
        Commerce.aggregateTypes(),
        Contract.load(),
        kafka,
        new ContractTopics(TOPICS, client, true),
        processing,
        Clock.systemUTC(),
        new SimpleMeterRegistry());
  }

  private static CommandRequests.Http addItem(String cart) {
    byte[] body =
        "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"p-1\",\"quantity\":1}}"
            .getBytes(StandardCharsets.UTF_8);
    return new CommandRequests.Http(
        "carts", cart, "application/json", body, null, null, null, null, Optional.empty());
  }
}
