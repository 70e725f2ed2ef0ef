package io.cairn.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.app.CairnApp;
import io.cairn.app.write.CartLog;
import io.cairn.app.write.CommandClient;
import io.cairn.avro.carts.CartEvent;
import io.cairn.avro.carts.ItemAdded;
import io.cairn.testkit.ReadinessWait;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The independent check of a fault case: reads the carts' event log with a plain consumer, as any
 * consumer of the contract does, and holds it against every acknowledgement the clients got: each
 * acknowledged command has exactly one event, at the version it was told; each cart's versions run
 * 1..n in log order; nothing else was appended; and the cart view, once caught up, is what its
 * events fold to.
 */
final class LogAudit {
  /** How soon after a fault ends commands must be acknowledged again. */
  static final Duration RECOVERS_WITHIN = Duration.ofSeconds(60);

  private LogAudit() {}

  /**
   * The whole verdict of a case: the log and the views against the acknowledgements, the app ready
   * again, and recovery in time; prints the case's figures.
   */
  static void verify(CairnApp app, String bootstrap, String prefix, FaultReport report) {
    check(bootstrap, app.registryUri(), app.httpUri(), prefix, report.acked());
    ReadinessWait.awaitReady(app.httpUri(), Duration.ofSeconds(60));
    System.out.println(report.describe());
    assertThat(report.recovery()).isLessThan(RECOVERS_WITHIN);
  }

  /** Checks the log and the views against the acknowledgements. */
  static void check(
      String bootstrap, URI registry, URI api, String prefix, List<SteadyLoad.Command> acked) {
    Map<String, List<CartEvent>> log = CartLog.read(bootstrap, registry, prefix);
    log.forEach(
        (cart, events) ->
            assertThat(events.stream().map(CartEvent::getAggregateVersion).toList())
                .as("the versions of %s, in log order", cart)
                .containsExactlyElementsOf(
                    LongStream.rangeClosed(1, events.size()).boxed().toList()));
    Map<String, CartEvent> byCommand =
        log.values().stream()
            .flatMap(List::stream)
            .collect(
                Collectors.toMap(
                    CartEvent::getCommandId,
                    Function.identity(),
                    (a, b) -> {
                      throw new AssertionError("two events of command " + a.getCommandId());
                    }));
    assertThat(byCommand)
        .as("one event per acknowledged command, and no other")
        .hasSize(acked.size());
    for (SteadyLoad.Command command : acked) {
      CartEvent event = byCommand.get(command.commandId());
      assertThat(event).as("the event of acknowledged command %s", command.commandId()).isNotNull();
      assertThat(event.getAggregateVersion()).as("its version").isEqualTo(command.version());
    }
    CommandClient client = new CommandClient(api);
    log.forEach((cart, events) -> awaitViewFolds(client, cart, events));
  }

  /** The cart view, once it has caught up, holds one of each product per ItemAdded. */
  private static void awaitViewFolds(CommandClient client, String cart, List<CartEvent> events) {
    Map<String, Integer> folded = new TreeMap<>();
    for (CartEvent event : events) {
      ItemAdded added = (ItemAdded) event.getPayload();
      folded.merge(added.getProductId(), added.getQuantity(), Integer::sum);
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              CommandClient.Answer view = client.get("/api/v1/carts/" + cart);
              assertThat(view.status()).as(view.body()).isEqualTo(200);
              Map<String, Integer> shown = new TreeMap<>();
              for (JsonNode line : view.json().get("lines")) {
                shown.put(line.get("productId").asText(), line.get("quantity").asInt());
              }
              assertThat(shown).as("the view of %s against its events", cart).isEqualTo(folded);
            });
  }
}
