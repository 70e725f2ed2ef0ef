package io.cairn.engine.reactions;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.avro.orders.ConfirmOrder;
import io.cairn.avro.orders.OrderEvent;
import io.cairn.avro.orders.PlaceOrder;
import io.cairn.avro.orders.PlaceOrderLine;
import io.cairn.avro.orders.ShipOrder;
import io.cairn.commerce.Commerce;
import io.cairn.commerce.customers.Loyalty;
import io.cairn.commerce.orders.Orders;
import io.cairn.core.reaction.Input;
import io.cairn.core.reaction.Policy;
import io.cairn.core.reaction.ProcessManager;
import io.cairn.core.reaction.Reactor;
import io.cairn.core.reaction.Step;
import io.cairn.core.view.Projection;
import io.cairn.core.view.Source;
import io.cairn.engine.streams.DeadLetter;
import io.cairn.engine.testing.TopologyDriver;
import io.cairn.engine.views.stores.ViewStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What cannot be read or done goes to the dead-letter queue with where it came from and why, and
 * processing goes on.
 */
class DeadLetterTopologyTest {
  @TempDir Path stateDir;
  private TopologyDriver driver;

  /** Messages of a process manager that always throws. */
  sealed interface Heard permits Heard.Placed {
    /** An order was placed. */
    record Placed() implements Heard {}
  }

  /** The state of a process manager that always throws. */
  record Nothing() {}

  private static final Reactor<Nothing, Heard> BROKEN =
      new Reactor<>() {
        @Override
        public Nothing initialState() {
          return null;
        }

        @Override
        public Step<Nothing> react(Nothing state, Input<Heard> input) {
          throw new IllegalStateException("a bug in the process");
        }
      };

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void anUnreadableCommandGoesToTheQueueAndTheNextIsProcessed() {
    start(List.of(), List.of());
    byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
    driver.pipeBytes("cairn.orders.commands", "o1".getBytes(StandardCharsets.UTF_8), garbage);
    place("o1", 100);

    TestRecord<byte[], byte[]> dead = driver.deadLetters().readRecord();
    assertThat(dead.value()).isEqualTo(garbage);
    assertThat(header(dead.headers(), DeadLetter.TOPIC)).isEqualTo("cairn.orders.commands");
    assertThat(header(dead.headers(), DeadLetter.PARTITION)).isEqualTo("0");
    assertThat(header(dead.headers(), DeadLetter.OFFSET)).isEqualTo("0");
    assertThat(header(dead.headers(), DeadLetter.APPLICATION)).isEqualTo("topology-test");
    assertThat(header(dead.headers(), DeadLetter.REASON)).isEqualTo("unreadable");
    assertThat(header(dead.headers(), DeadLetter.EXCEPTION)).isNotBlank();
    assertThat(header(dead.headers(), DeadLetter.TIME)).isNotBlank();
    assertThat(driver.events("orders").readValuesToList()).hasSize(1);
  }

  @Test
  void aPolicysCommandThatARuleRefusesGoesToTheQueueWithTheRule() {
    start(List.of(Loyalty.POLICY), List.of());
    place("o2", 500);
    driver.send("orders", "o2", new ConfirmOrder());
    driver.send("orders", "o2", new ShipOrder());

    TestRecord<byte[], byte[]> dead = driver.deadLetters().readRecord();
    assertThat(header(dead.headers(), DeadLetter.REASON)).isEqualTo("rejected:customer_not_found");
    assertThat(header(dead.headers(), DeadLetter.TOPIC)).isEqualTo("cairn.customers.commands");
    assertThat(header(dead.headers(), ReactionHeaders.SENT_BY)).isEqualTo("policy:loyalty");
    assertThat(driver.deadLetters().isEmpty()).isTrue();
  }

  @Test
  void aPolicyThatThrowsLeavesTheEventAndQueuesWhatItFailedOn() {
    Policy broken =
        Policy.named("broken")
            .on(
                Orders.TYPE,
                placed -> {
                  throw new IllegalStateException("a bug in the policy");
                })
            .build();
    start(List.of(broken), List.of());
    place("o3", 100);

    List<SpecificRecord> events = driver.events("orders").readValuesToList();
    assertThat(events).hasSize(1);
    TestRecord<byte[], byte[]> dead = driver.deadLetters().readRecord();
    assertThat(header(dead.headers(), DeadLetter.REASON)).isEqualTo("failed");
    assertThat(header(dead.headers(), DeadLetter.TOPIC)).isEqualTo("cairn.orders.events");
    assertThat(header(dead.headers(), DeadLetter.MESSAGE))
        .isEqualTo("policy:broken: a bug in the policy");
    assertThat(header(dead.headers(), "ce_id"))
        .isEqualTo(((OrderEvent) events.getFirst()).getEventId());
  }

  @Test
  void aProcessManagerThatThrowsQueuesItsInputAndTheOthersGoOn() {
    ProcessManager<Nothing, Heard> manager =
        ProcessManager.named("broken", BROKEN, Nothing.class, Heard.class)
            .on(
                Orders.TYPE,
                placed ->
                    Optional.of(
                        new ProcessManager.Routed<>(placed.aggregateId(), new Heard.Placed())))
            .build();
    start(List.of(), List.of(manager));
    place("o4", 100);
    place("o5", 100);

    List<TestRecord<byte[], byte[]>> dead = driver.deadLetters().readRecordsToList();
    assertThat(dead).hasSize(2);
    assertThat(dead)
        .allSatisfy(
            record -> {
              assertThat(header(record.headers(), DeadLetter.REASON)).isEqualTo("failed");
              assertThat(header(record.headers(), DeadLetter.TOPIC))
                  .isEqualTo("cairn-commands-process-inputs");
              assertThat(header(record.headers(), DeadLetter.MESSAGE))
                  .contains("a bug in the process");
            });
    assertThat(driver.events("orders").readValuesToList()).hasSize(2);
  }

  /** A view of orders with a bug: it throws on an order of more than 10 units. */
  record Picky(int units) {}

  private static final Projection<Picky> PICKY =
      new Projection<>() {
        @Override
        public String name() {
          return "picky";
        }

        @Override
        public Class<Picky> viewType() {
          return Picky.class;
        }

        @Override
        public List<Source<Picky, ?, ?>> sources() {
          return List.of(
              Source.of(
                  Orders.TYPE,
                  (view, event) -> {
                    int units =
                        event.state().lines().stream().mapToInt(Orders.OrderLine::quantity).sum();
                    if (units > 10) {
                      throw new IllegalStateException("a bug in the view");
                    }
                    return new Picky(units);
                  }));
        }
      };

  @Test
  void aProjectionThatThrowsQueuesTheEventAndTheViewGoesOn() {
    driver =
        new TopologyDriver(
            Commerce.aggregateTypes(), List.of(PICKY), Reactions.Declared.none(), stateDir);
    driver.send(
        "orders", "o6", new PlaceOrder("c1", "EUR", List.of(new PlaceOrderLine("p1", 11, 100L))));
    driver.send(
        "orders", "o7", new PlaceOrder("c1", "EUR", List.of(new PlaceOrderLine("p1", 2, 100L))));

    TestRecord<byte[], byte[]> dead = driver.deadLetters().readRecord();
    assertThat(header(dead.headers(), DeadLetter.REASON)).isEqualTo("failed");
    assertThat(header(dead.headers(), DeadLetter.TOPIC)).isEqualTo("cairn.orders.events");
    assertThat(header(dead.headers(), DeadLetter.MESSAGE)).contains("a bug in the view");
    assertThat(driver.deadLetters().isEmpty()).isTrue();
    assertThat(driver.store(ViewStores.view(PICKY)).get("o7")).isNotNull();
  }

  private void start(List<Policy> policies, List<ProcessManager<?, ?>> managers) {
    driver =
        new TopologyDriver(
            Commerce.aggregateTypes(),
            List.of(),
            new Reactions.Declared(policies, managers, List.of(), List.of(), List.of()),
            stateDir);
  }

  private void place(String orderId, long priceMinor) {
    driver.send(
        "orders",
        orderId,
        new PlaceOrder("c1", "EUR", List.of(new PlaceOrderLine("p1", 1, priceMinor))));
  }

  private static String header(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
