package io.cairn.app.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.app.AppProcess;
import io.cairn.avro.carts.CartEvent;
import io.cairn.testkit.JavaProcess;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.ReadinessWait;
import io.cairn.testkit.WithRealKafka;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app is killed with SIGKILL while commands stream in. After a restart, every command that was
 * answered 200 has its events in the log exactly once, and every aggregate's versions run 1..n.
 */
@WithRealKafka
class CrashRecoveryTest {
  private static final int CARTS = 20;
  private static final int CLIENTS = 4;

  @TempDir Path dir;

  /** What a client was told, or that it was told nothing. */
  private record Sent(String cart, String key, String body, CommandClient.Answer answer) {
    boolean known() {
      return answer != null
          && (answer.status() == 200 || answer.status() == 422 || answer.status() == 409);
    }
  }

  @Test
  void shouldLoseAndDuplicateNothingWhenKilledMidStream(KafkaTestCluster kafka) throws Exception {
    AppProcess app = AppProcess.on(kafka, dir);
    String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    URI api = app.api();
    CommandClient client = new CommandClient(api);

    ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    try (JavaProcess first = app.start("first")) {
      ReadinessWait.awaitReady(api, Duration.ofSeconds(90));
      AtomicBoolean sending = new AtomicBoolean(true);
      try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
        try {
          for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> stream(client, prefix, sending, sent));
          }
          await()
              .atMost(Duration.ofSeconds(60))
              .until(() -> sent.stream().filter(Sent::known).count() >= 300);
        } finally {
          // No new command after this; the ones in flight meet the SIGKILL below.
          sending.set(false);
        }
        first.kill(Duration.ofSeconds(30));
      }
    }
    long answeredBeforeCrash = sent.stream().filter(Sent::known).count();

    try (JavaProcess second = app.start("second")) {
      ReadinessWait.awaitReady(api, Duration.ofSeconds(90));
      Map<String, String> commandIdByKey = new HashMap<>();
      for (Sent request : sent) {
        CommandClient.Answer answer = request.known() ? request.answer() : retry(client, request);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        commandIdByKey.put(request.key(), answer.json().get("commandId").asText());
      }

      Map<String, List<CartEvent>> events =
          eventsOf(kafka, prefix, app.registry(), commandIdByKey.size());
      assertThat(answeredBeforeCrash).isGreaterThanOrEqualTo(300);
      events.forEach(
          (cart, log) ->
              assertThat(log.stream().map(CartEvent::getAggregateVersion).toList())
                  .as("versions of " + cart)
                  .containsExactlyElementsOf(
                      LongStream.rangeClosed(1, log.size()).boxed().toList()));
      Map<String, Long> eventsPerCommand =
          events.values().stream()
              .flatMap(List::stream)
              .collect(Collectors.groupingBy(CartEvent::getCommandId, Collectors.counting()));
      assertThat(eventsPerCommand.keySet())
          .containsExactlyInAnyOrderElementsOf(Set.copyOf(commandIdByKey.values()));
      assertThat(eventsPerCommand.values()).containsOnly(1L);
      second.terminate(Duration.ofSeconds(60));
    }
  }

  private static void stream(
      CommandClient client,
      String prefix,
      AtomicBoolean sending,
      ConcurrentLinkedQueue<Sent> sent) {
    Random random = new Random();
    while (sending.get()) {
      String cart = prefix + random.nextInt(CARTS);
      String key = UUID.randomUUID().toString();
      String body =
          "{\"type\":\"AddItem\",\"payload\":{\"productId\":\"p-"
              + random.nextInt(5)
              + "\",\"quantity\":1}}";
      CommandClient.Answer answer;
      try {
        answer =
            client
                .sendAsync("carts", cart, body, Map.of("Idempotency-Key", key))
                .get(15, TimeUnit.SECONDS);
      } catch (Exception e) {
        answer = null; // the app died under this request: its outcome is unknown
      }
      sent.add(new Sent(cart, key, body, answer));
    }
  }

  /** A request whose outcome is unknown, sent again with its key until it has an answer. */
  private static CommandClient.Answer retry(CommandClient client, Sent request) {
    List<CommandClient.Answer> answers = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              CommandClient.Answer answer =
                  client.send(
                      "carts",
                      request.cart(),
                      request.body(),
                      Map.of("Idempotency-Key", request.key()));
              answers.add(answer);
              return answer.status() == 200;
            });
    return answers.getLast();
  }

  /** Every event of the test's carts, by cart, in log order, read with read_committed. */
  private static Map<String, List<CartEvent>> eventsOf(
      KafkaTestCluster kafka, String prefix, URI registryUri, int expected) {
    Map<String, List<CartEvent>> byCart =
        CartLog.read(kafka.bootstrapServers(), registryUri, prefix);
    assertThat(byCart.values().stream().mapToInt(List::size).sum())
        .as("events of the test's carts")
        .isEqualTo(expected);
    return byCart;
  }
}
