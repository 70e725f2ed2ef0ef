package io.cairn.commerce.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.carts.Carts;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionLine;
import io.cairn.core.reaction.Input;
import io.cairn.core.reaction.ProcessStatus;
import io.cairn.core.reaction.Send;
import io.cairn.core.testing.AggregateHistory;
import io.cairn.core.testing.ProcessSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionOrdersTest {
  private static final List<SubscriptionLine> LINES =
      List.of(new SubscriptionLine("soup", 2), new SubscriptionLine("bread", 1));
  private final AggregateHistory<Subscriptions.Event, Subscriptions.SubscriptionState> history =
      new AggregateHistory<>(Subscriptions.TYPE, "sub");
  private final AggregateHistory.Happened<Subscriptions.Event, Subscriptions.SubscriptionState>
      subscribed = history.then(new Subscriptions.Subscribed("ann", LINES, "PT1H", "tok_ok"));
  private final Instant at = subscribed.event().occurredAt();

  private ProcessSpec<SubscriptionSchedule, SubscriptionOrders.Message> process() {
    return ProcessSpec.of(SubscriptionOrders.MANAGER, "sub");
  }

  @Test
  void theFirstPeriodIsDueAtOnceAndTheNextOnePeriodLater() {
    process()
        .when(subscribed)
        .thenSends(
            Send.to(Subscriptions.TYPE, "sub", new Subscriptions.StartPeriod(at)).as("start"))
        .thenSchedules(SubscriptionOrders.PERIOD, at.plus(Duration.ofHours(1)));
    Instant due = at.plus(Duration.ofHours(1));
    process()
        .given(subscribed)
        .when(Input.deadline(SubscriptionOrders.PERIOD, due))
        .thenSends(
            Send.to(Subscriptions.TYPE, "sub", new Subscriptions.StartPeriod(due)).as("start"))
        .thenSchedules(SubscriptionOrders.PERIOD, due.plus(Duration.ofHours(1)));
  }

  @Test
  void aStartedPeriodFillsItsCartThenChecksItOut() {
    var started = history.then(new Subscriptions.PeriodStarted(1, at));
    process()
        .given(subscribed)
        .when(started)
        .thenSends(
            Send.to(Carts.TYPE, "sub-1", new Carts.AddItem("soup", 2)).as("fill:1:soup"),
            Send.to(Carts.TYPE, "sub-1", new Carts.AddItem("bread", 1)).as("fill:1:bread"));
    process()
        .given(subscribed, started, Input.accepted("fill:1:soup", at))
        .when(Input.accepted("fill:1:bread", at))
        .thenSends(
            Send.to(Carts.TYPE, "sub-1", new Carts.CheckOut("ann", "tok_ok")).as("checkout:1"));
    var spec =
        process()
            .given(
                subscribed,
                started,
                Input.accepted("fill:1:soup", at),
                Input.accepted("fill:1:bread", at),
                Input.accepted("checkout:1", at));
    assertThat(spec.state().filling()).isEmpty();
  }

  @Test
  void aCartThatCannotBeFilledFailsItsPeriodAndNotTheNext() {
    var started = history.then(new Subscriptions.PeriodStarted(1, at));
    process()
        .given(subscribed, started)
        .when(Input.rejected("fill:1:soup", "cart_checked_out", at))
        .thenSends(
            Send.to(Subscriptions.TYPE, "sub", new Subscriptions.FailPeriod(1, "cart_checked_out"))
                .as("fail:1"))
        .thenStatus(ProcessStatus.RUNNING);
    process()
        .given(subscribed, started, Input.rejected("fill:1:soup", "cart_checked_out", at))
        .when(Input.accepted("fill:1:bread", at))
        .thenSends();
    Instant due = at.plus(Duration.ofHours(1));
    process()
        .given(subscribed, started, Input.rejected("fill:1:soup", "cart_checked_out", at))
        .when(Input.deadline(SubscriptionOrders.PERIOD, due))
        .thenSends(
            Send.to(Subscriptions.TYPE, "sub", new Subscriptions.StartPeriod(due)).as("start"));
  }

  @Test
  void aCancelledSubscriptionEndsOnceItsLastCartIsCheckedOut() {
    var started = history.then(new Subscriptions.PeriodStarted(1, at));
    var cancelled = history.then(new Subscriptions.SubscriptionCancelled());
    process()
        .given(subscribed)
        .when(cancelled)
        .thenCancels(SubscriptionOrders.PERIOD)
        .thenStatus(ProcessStatus.COMPLETED);
    process()
        .given(subscribed, started, Input.accepted("fill:1:soup", at))
        .when(cancelled)
        .thenStatus(ProcessStatus.RUNNING);
    process()
        .given(
            subscribed,
            started,
            Input.accepted("fill:1:soup", at),
            cancelled,
            Input.accepted("fill:1:bread", at))
        .when(Input.accepted("checkout:1", at))
        .thenStatus(ProcessStatus.COMPLETED);
  }

  @Test
  void aRefusedStartChangesNothing() {
    process()
        .given(subscribed)
        .when(Input.rejected("start", "period_already_started", at))
        .thenSends()
        .thenStatus(ProcessStatus.RUNNING);
  }
}
