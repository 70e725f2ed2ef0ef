package io.cairn.engine.reactions;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.avro.contract.Contract;
import io.cairn.commerce.Commerce;
import io.cairn.commerce.orders.Orders;
import io.cairn.commerce.orders.ShippingDeadline;
import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.reaction.ProcessStatus;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.kafka.topics.CairnTopics;
import io.cairn.kafka.topics.TopicDefaults;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A process manager as the engine runs it, one input at a time, without Kafka. */
class ProcessRunnerTest {
  private static final Instant CONFIRMED = Instant.parse("2026-12-02T10:00:00Z");
  private static final Duration WITHIN = Duration.ofHours(1);

  private final ProcessRunner<?, ?> runner =
      new ProcessRunner<>(
          ShippingDeadline.manager(WITHIN),
          new CommandWriter(
              BoundAggregate.all(Commerce.aggregateTypes(), Contract.load()),
              new CairnTopics(new TopicDefaults(1, (short) 1))));

  @Test
  void aPassedDeadlineIsSpentUnlessTheStepSetsItAgain() {
    ProcessInstance watching = confirmed();
    Instant due = CONFIRMED.plus(WITHIN);
    assertThat(watching.deadlines()).containsEntry(ShippingDeadline.SHIP_BY, due);

    ProcessRunner.Result fired = runner.deadlinePassed(watching, ShippingDeadline.SHIP_BY, due);

    ProcessInstance after = fired.instance().orElseThrow();
    assertThat(after.deadlines()).isEmpty();
    assertThat(after.status()).isEqualTo(ProcessStatus.RUNNING);
    assertThat(fired.commands()).hasSize(1);
  }

  @Test
  void anInputThatStartsNothingKeepsNoProcess() {
    Aggregate<Orders.OrderState> shipped = new Aggregate<>("o1", 3, CONFIRMED, CONFIRMED, null);
    ProcessInput input =
        runner
            .route(
                "orders",
                new Orders.OrderShipped(),
                shipped,
                new Cause("event-1", "flow-1", CONFIRMED))
            .orElseThrow();
    assertThat(runner.react(null, input).instance()).isEmpty();
  }

  private ProcessInstance confirmed() {
    Aggregate<Orders.OrderState> order = new Aggregate<>("o1", 2, CONFIRMED, CONFIRMED, null);
    ProcessInput input =
        runner
            .route(
                "orders",
                new Orders.OrderConfirmed(),
                order,
                new Cause("event-1", "flow-1", CONFIRMED))
            .orElseThrow();
    return runner.react(null, input).instance().orElseThrow();
  }
}
