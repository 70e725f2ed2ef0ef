package io.cairn.commerce.subscriptions;

import io.cairn.commerce.carts.Carts;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionLine;
import io.cairn.core.reaction.Input;
import io.cairn.core.reaction.ProcessManager;
import io.cairn.core.reaction.Reactor;
import io.cairn.core.reaction.Send;
import io.cairn.core.reaction.Step;
import io.cairn.core.view.SourcedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
    implements Reactor<SubscriptionOrders.Schedule, SubscriptionOrders.Message> {
  /** The process manager's name, in its URL. */
  public static final String NAME = "subscription-orders";

  /** The deadline of the next period. */
  public static final String PERIOD = "period";

  private static final String START = "start";
  private static final String FILL = "fill:";
  private static final String CHECKOUT = "checkout:";

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

  /**
   * A period's cart being filled: the lines still to be added, then its check-out.
   *
   * @param period the period
   * @param awaiting the lines not yet added, plus one for the check-out
   * @param customerId the customer checking out
   * @param paymentToken how the order is paid
   */
  public record Filling(int period, int awaiting, String customerId, String paymentToken) {}

  /**
   * A subscription's schedule.
   *
   * @param subscriptionId the subscription
   * @param every its period
   * @param nextDueAt when the next period is due
   * @param filling the periods whose carts are being filled or checked out
   * @param cancelled whether the subscription was cancelled, the process ending once nothing is
   *     being filled
   */
  public record Schedule(
      String subscriptionId,
      String every,
      Instant nextDueAt,
      List<Filling> filling,
      boolean cancelled) {
    /** Freezes the list. */
    public Schedule {
      filling = List.copyOf(filling);
    }
  }

  /** The process manager. */
  public static final ProcessManager<Schedule, Message> MANAGER =
      ProcessManager.named(NAME, new SubscriptionOrders(), Schedule.class, Message.class)
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
  public Schedule initialState() {
    return null;
  }

  @Override
  public Step<Schedule> react(Schedule schedule, Input<Message> input) {
    return switch (input) {
      case Input.Message<Message> heard -> heard(schedule, heard.message(), heard.at());
      case Input.DeadlinePassed<Message> passed -> periodDue(schedule, passed.at());
      case Input.Accepted<Message> done -> accepted(schedule, done.step());
      case Input.Rejected<Message> refused -> refused(schedule, refused.step(), refused.rule());
    };
  }

  private static Step<Schedule> heard(Schedule schedule, Message message, Instant at) {
    return switch (message) {
      case Began began ->
          schedule != null
              ? Step.to(schedule)
              : periodDue(
                  new Schedule(began.subscriptionId(), began.every(), at, List.of(), false), at);
      case PeriodBegun begun -> schedule == null ? Step.to(null) : fill(schedule, begun);
      case Ended ended ->
          schedule == null ? Step.to(null) : endIfIdle(Step.to(cancelled(schedule)).cancel(PERIOD));
    };
  }

  /** Starts the period due now and schedules the next one. */
  private static Step<Schedule> periodDue(Schedule schedule, Instant dueAt) {
    Instant next = dueAt.plus(Duration.parse(schedule.every()));
    return Step.to(
            new Schedule(
                schedule.subscriptionId(),
                schedule.every(),
                next,
                schedule.filling(),
                schedule.cancelled()))
        .send(
            Send.to(
                    Subscriptions.TYPE,
                    schedule.subscriptionId(),
                    new Subscriptions.StartPeriod(dueAt))
                .as(START))
        .schedule(PERIOD, next);
  }

  private static Step<Schedule> fill(Schedule schedule, PeriodBegun begun) {
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
    return Step.to(withFilling(schedule, filling)).send(adds);
  }

  private static Step<Schedule> accepted(Schedule schedule, String step) {
    Optional<Filling> filling = fillingOf(schedule, step);
    if (filling.isEmpty()) {
      return Step.to(schedule);
    }
    Filling done = filling.get();
    Filling rest =
        new Filling(done.period(), done.awaiting() - 1, done.customerId(), done.paymentToken());
    if (rest.awaiting() > 1) {
      return Step.to(withFilling(schedule, rest));
    }
    if (rest.awaiting() == 0) {
      return endIfIdle(Step.to(without(schedule, done.period())));
    }
    String cart = Subscriptions.orderId(schedule.subscriptionId(), done.period());
    return Step.to(withFilling(schedule, rest))
        .send(
            Send.to(Carts.TYPE, cart, new Carts.CheckOut(done.customerId(), done.paymentToken()))
                .as(CHECKOUT + done.period()));
  }

  /**
   * A period whose cart could not be filled or checked out is recorded as failed; a refused start
   * is a period already started (nothing to do) or a cancelled subscription, whose end the process
   * hears of as well.
   */
  private static Step<Schedule> refused(Schedule schedule, String step, String rule) {
    Optional<Filling> filling = fillingOf(schedule, step);
    if (filling.isEmpty()) {
      return Step.to(schedule);
    }
    int period = filling.get().period();
    return endIfIdle(
        Step.to(without(schedule, period))
            .send(
                Send.to(
                        Subscriptions.TYPE,
                        schedule.subscriptionId(),
                        new Subscriptions.FailPeriod(period, rule))
                    .as("fail:" + period)));
  }

  private static Optional<Filling> fillingOf(Schedule schedule, String step) {
    if (!step.startsWith(FILL) && !step.startsWith(CHECKOUT)) {
      return Optional.empty();
    }
    String rest = step.substring(step.indexOf(':') + 1);
    int end = rest.indexOf(':');
    int period = Integer.parseInt(end < 0 ? rest : rest.substring(0, end));
    return schedule.filling().stream().filter(f -> f.period() == period).findFirst();
  }

  private static Step<Schedule> endIfIdle(Step<Schedule> step) {
    Schedule schedule = step.state();
    return schedule.cancelled() && schedule.filling().isEmpty() ? step.completed() : step;
  }

  private static Schedule cancelled(Schedule s) {
    return new Schedule(s.subscriptionId(), s.every(), s.nextDueAt(), s.filling(), true);
  }

  private static Schedule withFilling(Schedule s, Filling filling) {
    List<Filling> all = new ArrayList<>(without(s, filling.period()).filling());
    all.add(filling);
    return new Schedule(s.subscriptionId(), s.every(), s.nextDueAt(), all, s.cancelled());
  }

  private static Schedule without(Schedule s, int period) {
    return new Schedule(
        s.subscriptionId(),
        s.every(),
        s.nextDueAt(),
        s.filling().stream().filter(f -> f.period() != period).toList(),
        s.cancelled());
  }
}
