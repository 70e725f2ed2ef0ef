package io.cairn.commerce.subscriptions;

import io.cairn.commerce.carts.Carts;
import io.cairn.commerce.subscriptions.SubscriptionSchedule.Filling;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionLine;
import io.cairn.core.reaction.Input;
import io.cairn.core.reaction.ProcessManager;
import io.cairn.core.reaction.Reactor;
import io.cairn.core.reaction.Send;
import io.cairn.core.reaction.Step;
import io.cairn.core.view.SourcedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Orders a subscription's periods on time: when a period comes up it asks the subscription to start
 * it, and fills the period's cart ({@code <subscriptionId>-<period>}) with the subscription's lines
 * and checks it out, so the order goes through the same checkout as any cart (price, stock,
 * payment, compensation). A paused subscription skips its periods, a cancelled one ends the
 * process. Periods missed while the app was down come up one after another when it is back, each
 * ordered as it would have been, so none is missed or ordered twice.
 */
public final class SubscriptionOrders
    implements Reactor<SubscriptionSchedule, SubscriptionOrders.Message> {
  /** The process manager's name, in its URL. */
  public static final String NAME = "subscription-orders";

  /** The deadline of the next period. */
  public static final String PERIOD = "period";

  private static final String START = "start";
  static final String FILL = "fill:";
  static final String CHECKOUT = "checkout:";

  /** What the process hears of its subscription. */
  public sealed interface Message permits Began, PeriodBegun, Ended {}

  /**
   * The subscription was made.
   *
   * @param subscriptionId the subscription
   * @param every its period, an ISO-8601 duration
   */
  public record Began(String subscriptionId, String every) implements Message {}

  /**
   * A period started; its order is to be placed.
   *
   * @param period the period
   * @param customerId the customer the order is for
   * @param lines what it holds
   * @param paymentToken how it is paid
   */
  public record PeriodBegun(
      int period, String customerId, List<SubscriptionLine> lines, String paymentToken)
      implements Message {}

  /** The subscription was cancelled. */
  public record Ended() implements Message {}

  /** The process manager. */
  public static final ProcessManager<SubscriptionSchedule, Message> MANAGER =
      ProcessManager.named(
              NAME, new SubscriptionOrders(), SubscriptionSchedule.class, Message.class)
          .on(Subscriptions.TYPE, SubscriptionOrders::route)
          .build();

  private SubscriptionOrders() {}

  private static Optional<ProcessManager.Routed<Message>> route(
      SourcedEvent<Subscriptions.Event, Subscriptions.SubscriptionState> event) {
    Subscriptions.SubscriptionState state = event.state();
    Message message =
        switch (event.event()) {
          case Subscriptions.Subscribed subscribed ->
              new Began(event.aggregateId(), subscribed.every());
          case Subscriptions.PeriodStarted started ->
              new PeriodBegun(
                  started.period(), state.customerId(), state.lines(), state.paymentToken());
          case Subscriptions.SubscriptionCancelled cancelled -> new Ended();
          case Subscriptions.LinesChanged other -> null;
          case Subscriptions.SubscriptionPaused other -> null;
          case Subscriptions.SubscriptionResumed other -> null;
          case Subscriptions.PeriodSkipped other -> null;
          case Subscriptions.PeriodFailed other -> null;
        };
    return Optional.ofNullable(message)
        .map(heard -> new ProcessManager.Routed<>(event.aggregateId(), heard));
  }

  @Override
  public SubscriptionSchedule initialState() {
    return null;
  }

  @Override
  public Step<SubscriptionSchedule> react(SubscriptionSchedule schedule, Input<Message> input) {
    return switch (input) {
      case Input.Message<Message> heard -> heard(schedule, heard.message(), heard.at());
      case Input.DeadlinePassed<Message> passed -> periodDue(schedule, passed.at());
      case Input.Accepted<Message> done -> accepted(schedule, done.step());
      case Input.Rejected<Message> refused -> refused(schedule, refused.step(), refused.rule());
    };
  }

  private static Step<SubscriptionSchedule> heard(
      SubscriptionSchedule schedule, Message message, Instant at) {
    return switch (message) {
      case Began began ->
          schedule != null
              ? Step.to(schedule)
              : periodDue(
                  SubscriptionSchedule.startingAt(began.subscriptionId(), began.every(), at), at);
      case PeriodBegun begun -> schedule == null ? Step.to(null) : fill(schedule, begun);
      case Ended ended ->
          schedule == null ? Step.to(null) : endIfDone(Step.to(schedule.cancel()).cancel(PERIOD));
    };
  }

  /** Starts the period due now and schedules the next one. */
  private static Step<SubscriptionSchedule> periodDue(
      SubscriptionSchedule schedule, Instant dueAt) {
    SubscriptionSchedule next = schedule.nextAfter(dueAt);
    return Step.to(next)
        .send(
            Send.to(
                    Subscriptions.TYPE,
                    schedule.subscriptionId(),
                    new Subscriptions.StartPeriod(dueAt))
                .as(START))
        .schedule(PERIOD, next.nextDueAt());
  }

  private static Step<SubscriptionSchedule> fill(SubscriptionSchedule schedule, PeriodBegun begun) {
    String cart = Subscriptions.orderId(schedule.subscriptionId(), begun.period());
    List<Send> adds =
        begun.lines().stream()
            .map(
                line ->
                    Send.to(Carts.TYPE, cart, new Carts.AddItem(line.productId(), line.quantity()))
                        .as(FILL + begun.period() + ":" + line.productId()))
            .toList();
    Filling filling =
        new Filling(
            begun.period(), begun.lines().size() + 1, begun.customerId(), begun.paymentToken());
    return Step.to(schedule.with(filling)).send(adds);
  }

  /** Each line added brings the check-out closer; once it is answered, the cart is done. */
  private static Step<SubscriptionSchedule> accepted(SubscriptionSchedule schedule, String step) {
    Optional<Filling> filling = schedule.fillingOf(step);
    if (filling.isEmpty()) {
      return Step.to(schedule);
    }
    Filling rest = filling.get().answered();
    if (rest.awaiting() > 1) {
      return Step.to(schedule.with(rest));
    }
    if (rest.awaiting() == 0) {
      return endIfDone(Step.to(schedule.without(rest.period())));
    }
    String cart = Subscriptions.orderId(schedule.subscriptionId(), rest.period());
    return Step.to(schedule.with(rest))
        .send(
            Send.to(Carts.TYPE, cart, new Carts.CheckOut(rest.customerId(), rest.paymentToken()))
                .as(CHECKOUT + rest.period()));
  }

  /**
   * A period whose cart could not be filled or checked out is recorded as failed; a refused start
   * is a period already started (nothing to do) or a cancelled subscription, whose end the process
   * hears of as well.
   */
  private static Step<SubscriptionSchedule> refused(
      SubscriptionSchedule schedule, String step, String rule) {
    Optional<Filling> filling = schedule.fillingOf(step);
    if (filling.isEmpty()) {
      return Step.to(schedule);
    }
    int period = filling.get().period();
    return endIfDone(
        Step.to(schedule.without(period))
            .send(
                Send.to(
                        Subscriptions.TYPE,
                        schedule.subscriptionId(),
                        new Subscriptions.FailPeriod(period, rule))
                    .as("fail:" + period)));
  }

  private static Step<SubscriptionSchedule> endIfDone(Step<SubscriptionSchedule> step) {
    return step.state().done() ? step.completed() : step;
  }
}
