package io.cairn.engine.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.avro.carts.AddItem;
import io.cairn.avro.carts.CartCommand;
import io.cairn.avro.carts.CartEvent;
import io.cairn.avro.carts.CartSnapshot;
import io.cairn.avro.carts.CheckOut;
import io.cairn.avro.carts.ItemAdded;
import io.cairn.avro.carts.RemoveItem;
import io.cairn.avro.products.ChangePrice;
import io.cairn.avro.products.DefineProduct;
import io.cairn.avro.products.ProductCommand;
import io.cairn.avro.replies.CommandReply;
import io.cairn.avro.replies.ReplyOutcome;
import io.cairn.avro.testing.NewerEnvelope;
import io.cairn.commerce.Commerce;
import io.cairn.engine.streams.SkippedRecords;
import io.cairn.engine.testing.TopologyDriver;
import io.cairn.kafka.topics.CommandHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command processor's shell, end to end through the topology, under TopologyTestDriver. */
class WriteSideTopologyTest {
  @TempDir Path stateDir;
  private TopologyDriver driver;

  @BeforeEach
  void start() {
    driver = new TopologyDriver(Commerce.aggregateTypes(), List.of(), stateDir);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldAppendEventWithEnvelopeHeadersSnapshotAndReply() {
    CartCommand add = cartCommand("cart-1", new AddItem("p1", 2), null, null);
    driver.commands("carts").pipeInput("cart-1", add);

    TestRecord<String, SpecificRecord> event = driver.events("carts").readRecord();
    CartEvent envelope = (CartEvent) event.value();
    assertThat(event.key()).isEqualTo("cart-1");
    assertThat(envelope.getAggregateVersion()).isEqualTo(1);
    assertThat(envelope.getCommandId()).isEqualTo(add.getCommandId());
    assertThat(envelope.getCorrelationId()).isEqualTo(add.getCorrelationId());
    assertThat(envelope.getCausationId()).isEqualTo(add.getCommandId());
    assertThat(envelope.getActor()).isNull();
    assertThat(envelope.getPayload()).isEqualTo(new ItemAdded("p1", 2));
    assertThat(header(event.headers(), "ce_specversion")).isEqualTo("1.0");
    assertThat(header(event.headers(), "ce_id")).isEqualTo(envelope.getEventId());
    assertThat(header(event.headers(), "ce_source")).isEqualTo("/cairn/carts");
    assertThat(header(event.headers(), "ce_type")).isEqualTo("io.cairn.carts.ItemAdded");
    assertThat(header(event.headers(), "ce_subject")).isEqualTo("cart-1");
    assertThat(header(event.headers(), "ce_time")).isEqualTo(envelope.getOccurredAt().toString());
    assertThat(header(event.headers(), "ce_correlationid")).isEqualTo("flow-1");
    assertThat(header(event.headers(), "ce_causationid")).isEqualTo(add.getCommandId());
    assertThat(header(event.headers(), "content-type")).isEqualTo("application/avro");

    CartSnapshot snapshot = (CartSnapshot) driver.state("carts").readValue();
    assertThat(snapshot.getVersion()).isEqualTo(1);
    assertThat(snapshot.getState().getLines()).hasSize(1);

    CommandReply reply = driver.onlyReply();
    assertThat(reply.getOutcome()).isEqualTo(ReplyOutcome.ACCEPTED);
    assertThat(reply.getVersion()).isEqualTo(1);
    assertThat(reply.getEvents())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getType()).isEqualTo("ItemAdded");
              assertThat(e.getPayloadJson()).isEqualTo("{\"productId\":\"p1\",\"quantity\":2}");
            });
  }

  @Test
  void shouldNameTheEventThatCausedTheCommandAndWhoIssuedIt() {
    CartCommand add = cartCommand("cart-1", new AddItem("p1", 2), null, null);
    add.setCausationId("event-7");
    add.setActor("alice");
    driver.commands("carts").pipeInput("cart-1", add);

    TestRecord<String, SpecificRecord> event = driver.events("carts").readRecord();
    CartEvent envelope = (CartEvent) event.value();
    assertThat(envelope.getCausationId()).isEqualTo("event-7");
    assertThat(envelope.getActor()).isEqualTo("alice");
    assertThat(envelope.getCorrelationId()).isEqualTo("flow-1");
    assertThat(header(event.headers(), "ce_causationid")).isEqualTo("event-7");
    CartSnapshot snapshot = (CartSnapshot) driver.state("carts").readValue();
    assertThat(snapshot.getCausationId()).isEqualTo("event-7");
    assertThat(snapshot.getActor()).isEqualTo("alice");
  }

  @Test
  void shouldPassOverACommandOfATypeNewerCodeAddedCountItAndGoOn() {
    NewerEnvelope newer = NewerEnvelope.of(CartCommand.getClassSchema(), "GiftWrap");
    CartCommand template = cartCommand("cart-1", new AddItem("p1", 2), null, null);
    driver.sendGeneric("carts", "cart-1", newer.carrying(template, "ribbon"));
    driver.commands("carts").pipeInput("cart-1", template);

    assertThat(driver.skipped().all())
        .containsExactly(
            new SkippedRecords.Count(
                "cairn.carts.commands", SkippedRecords.Reason.UNKNOWN_TYPE, "GiftWrap", 1));
    assertThat(driver.onlyReply().getCommandId()).isEqualTo(template.getCommandId());
    assertThat(driver.events("carts").readValuesToList()).hasSize(1);
  }

  @Test
  void shouldAppendNothingWhenRuleIsBroken() {
    driver
        .commands("carts")
        .pipeInput("cart-1", cartCommand("cart-1", new RemoveItem("p9"), null, null));

    assertThat(driver.events("carts").isEmpty()).isTrue();
    assertThat(driver.state("carts").isEmpty()).isTrue();
    CommandReply reply = driver.onlyReply();
    assertThat(reply.getOutcome()).isEqualTo(ReplyOutcome.REJECTED);
    assertThat(reply.getError().getCode()).isEqualTo("item_not_in_cart");
  }

  @Test
  void shouldAnswerNoChangeWithoutEventsOrSnapshot() {
    driver
        .commands("products")
        .pipeInput("p1", productCommand("p1", new DefineProduct("Tea", "drinks", 450L, "EUR")));
    driver.replies().readValuesToList();
    driver.state("products").readValuesToList();

    driver.commands("products").pipeInput("p1", productCommand("p1", new ChangePrice(450L)));

    CommandReply reply = driver.onlyReply();
    assertThat(reply.getOutcome()).isEqualTo(ReplyOutcome.ACCEPTED);
    assertThat(reply.getEvents()).isEmpty();
    assertThat(reply.getVersion()).isEqualTo(1);
    assertThat(driver.state("products").isEmpty()).isTrue();
  }

  @Test
  void shouldRefuseCommandWhoseExpectedVersionIsNotTheCurrentOne() {
    driver
        .commands("carts")
        .pipeInput("cart-1", cartCommand("cart-1", new AddItem("p1", 1), 0L, null));
    assertThat(driver.onlyReply().getOutcome()).isEqualTo(ReplyOutcome.ACCEPTED);

    driver
        .commands("carts")
        .pipeInput("cart-1", cartCommand("cart-1", new AddItem("p1", 1), 0L, null));

    CommandReply conflict = driver.onlyReply();
    assertThat(conflict.getOutcome()).isEqualTo(ReplyOutcome.VERSION_CONFLICT);
    assertThat(conflict.getError().getDetailsJson())
        .contains("\"expected\":0")
        .contains("\"actual\":1");
    assertThat(driver.events("carts").readValuesToList()).hasSize(1);
  }

  @Test
  void shouldReplayFirstAnswerToRetryWithSameKeyAndAppendNothing() {
    CartCommand first = cartCommand("cart-1", new AddItem("p1", 1), null, "key-1");
    CartCommand retry = cartCommand("cart-1", new AddItem("p1", 1), null, "key-1");
    driver.commands("carts").pipeInput("cart-1", first);
    driver.commands("carts").pipeInput("cart-1", retry);

    var replies = driver.replies().readValuesToList();
    CommandReply original = (CommandReply) replies.get(0);
    CommandReply replayed = (CommandReply) replies.get(1);
    assertThat(replayed.getReplayed()).isTrue();
    assertThat(replayed.getCommandId()).isEqualTo(retry.getCommandId());
    assertThat(replayed.getFirstCommandId()).isEqualTo(first.getCommandId());
    assertThat(replayed.getEvents()).isEqualTo(original.getEvents());
    assertThat(driver.events("carts").readValuesToList()).hasSize(1);
  }

  @Test
  void shouldRefuseSameKeyForAnotherCommand() {
    driver
        .commands("carts")
        .pipeInput("cart-1", cartCommand("cart-1", new AddItem("p1", 1), null, "key-1"));
    driver
        .commands("carts")
        .pipeInput("cart-1", cartCommand("cart-1", new AddItem("p1", 5), null, "key-1"));

    CommandReply reused = driver.replies().readValuesToList().get(1);
    assertThat(reused.getOutcome()).isEqualTo(ReplyOutcome.IDEMPOTENCY_KEY_REUSED);
    assertThat(reused.getError().getCode()).isEqualTo("idempotency_key_reused");
    assertThat(driver.events("carts").readValuesToList()).hasSize(1);
  }

  @Test
  void shouldForgetKeysAfterTheRetention() {
    driver
        .commands("carts")
        .pipeInput("cart-1", cartCommand("cart-1", new AddItem("p1", 1), null, "key-1"));
    driver.advance(TopologyDriver.RETENTION.plus(Duration.ofMinutes(11)));

    driver
        .commands("carts")
        .pipeInput("cart-1", cartCommand("cart-1", new AddItem("p1", 5), null, "key-1"));

    assertThat(driver.replies().readValuesToList())
        .extracting(reply -> ((CommandReply) reply).getOutcome())
        .containsExactly(ReplyOutcome.ACCEPTED, ReplyOutcome.ACCEPTED);
  }

  @Test
  void shouldRefuseACustomerWhatIsNotItsOwnBeforeAnyOtherCheckAndAppendNothing() {
    driver.commands("carts").pipeInput("cart-1", cartCommand("cart-1", new AddItem("p1", 1)));
    driver.replies().readValuesToList();

    asCustomer("alice", "cart-1", cartCommand("cart-1", new CheckOut("bob", null), 7L, null));
    CommandReply refused = driver.onlyReply();
    assertThat(refused.getOutcome()).isEqualTo(ReplyOutcome.REJECTED);
    assertThat(refused.getError().getCode()).isEqualTo("forbidden");
    asCustomer("alice", "cart-1", cartCommand("cart-1", new AddItem("p1", 1)));
    assertThat(driver.onlyReply().getError().getCode()).isEqualTo("forbidden");
    asCustomer("alice", "p1", productCommand("p1", new ChangePrice(450L)));
    assertThat(driver.onlyReply().getError().getCode()).isEqualTo("forbidden");
    assertThat(driver.events("carts").readValuesToList()).hasSize(1);

    asCustomer("alice", "cart-1", cartCommand("cart-1", new CheckOut("alice", null)));
    assertThat(driver.onlyReply().getOutcome()).isEqualTo(ReplyOutcome.ACCEPTED);
  }

  private void asCustomer(String customer, String id, SpecificRecord command) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(CommandHeaders.CUSTOMER, customer.getBytes(StandardCharsets.UTF_8));
    String type = command instanceof CartCommand ? "carts" : "products";
    driver.commands(type).pipeInput(new TestRecord<>(id, command, headers));
  }

  private static CartCommand cartCommand(String id, Object payload) {
    return cartCommand(id, payload, null, null);
  }

  private static CartCommand cartCommand(
      String id, Object payload, Long expectedVersion, String key) {
    return CartCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setAggregateId(id)
        .setExpectedVersion(expectedVersion)
        .setIssuedAt(Instant.parse("2026-11-23T10:00:00Z"))
        .setCorrelationId("flow-1")
        .setIdempotencyKey(key)
        .setPayload(payload)
        .build();
  }

  private static ProductCommand productCommand(String id, Object payload) {
    return ProductCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setAggregateId(id)
        .setExpectedVersion(null)
        .setIssuedAt(Instant.parse("2026-11-23T10:00:00Z"))
        .setCorrelationId("flow-1")
        .setIdempotencyKey(null)
        .setPayload(payload)
        .build();
  }

  private static String header(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
