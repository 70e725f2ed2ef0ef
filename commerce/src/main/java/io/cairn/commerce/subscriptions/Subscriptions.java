package io.cairn.commerce.subscriptions;

import static io.cairn.core.aggregate.Decision.reject;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.aggregate.CustomerAccess;
import io.cairn.core.aggregate.Decider;
import io.cairn.core.aggregate.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A meal subscription, keyed by subscription id: the same lines ordered for a customer once every
 * period while it is active. Each period is started here, so the subscription's own log says which
 * periods were ordered, skipped while paused, or could not be ordered, and a period is never
 * started twice; the {@link SubscriptionOrders} process manager starts them on time and orders
 * them.
 */
public final class Subscriptions
    implements Decider<
        Subscriptions.Command, Subscriptions.Event, Subscriptions.SubscriptionState> {

  /** The shortest period a subscription may have unless the app is told otherwise. */
  public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofHours(1);

  /** The subscriptions, keyed by subscription id, with periods of at least an hour. */
  public static final AggregateType<Command, Event, SubscriptionState> TYPE =
      type(DEFAULT_MIN_INTERVAL);

  /** What a subscription is asked to do. */
  public sealed interface Command
      permits Subscribe, ChangeLines, Pause, Resume, Cancel, StartPeriod, FailPeriod {}

  /**
   * Subscribe a customer to the same order every period.
   *
   * @param customerId the customer the orders are for
   * @param lines what each order holds
   * @param every the period, an ISO-8601 duration ({@code P7D})
   * @param paymentToken how each order is paid; {@code null} for the checkout's default
   */
  public record Subscribe(
      String customerId, List<SubscriptionLine> lines, String every, String paymentToken)
      implements Command {}

  /** Order these lines from the next period on. */
  public record ChangeLines(List<SubscriptionLine> lines) implements Command {}

  /** Skip the periods that come up from now until resumed. */
  public record Pause() implements Command {}

  /** Order again from the next period on. */
  public record Resume() implements Command {}

  /** End the subscription: no period is ordered any more. */
  public record Cancel() implements Command {}

  /** Start the period due at this time: ordered while active, skipped while paused. */
  public record StartPeriod(Instant dueAt) implements Command {}

  /** Record that a started period's order could not be placed, and why. */
  public record FailPeriod(int period, String reason) implements Command {}

  /** What happened to a subscription. */
  public sealed interface Event
      permits Subscribed,
          LinesChanged,
          SubscriptionPaused,
          SubscriptionResumed,
          SubscriptionCancelled,
          PeriodStarted,
          PeriodSkipped,
          PeriodFailed {}

  /** The customer subscribed; the first period is due at once. */
  public record Subscribed(
      String customerId, List<SubscriptionLine> lines, String every, String paymentToken)
      implements Event {}

  /** The lines changed. */
  public record LinesChanged(List<SubscriptionLine> lines) implements Event {}

  /** The subscription was paused. */
  public record SubscriptionPaused() implements Event {}

  /** The subscription was resumed. */
  public record SubscriptionResumed() implements Event {}

  /** The subscription was cancelled. */
  public record SubscriptionCancelled() implements Event {}

  /** A period started: its order, {@link #orderId}, is being placed with the current lines. */
  public record PeriodStarted(int period, Instant dueAt) implements Event {}

  /** A period came up while paused and was skipped. */
  public record PeriodSkipped(int period, Instant dueAt) implements Event {}

  /** A started period's order could not be placed. */
  public record PeriodFailed(int period, String reason) implements Event {}

  /** Units of one product in every order. */
  public record SubscriptionLine(String productId, int quantity) {}

  /** Where a subscription is in its life. */
  public enum SubscriptionStatus {
    ACTIVE,
    PAUSED,
    CANCELLED
  }

  /**
   * A subscription.
   *
   * @param customerId the customer the orders are for
   * @param lines what each order holds
   * @param every the period, an ISO-8601 duration
   * @param paymentToken how each order is paid; {@code null} for the checkout's default
   * @param status active, paused or cancelled
   * @param periods how many periods have come up, ordered or skipped
   * @param lastDueAt when the latest of them was due; {@code null} before the first
   */
  public record SubscriptionState(
      String customerId,
      List<SubscriptionLine> lines,
      String every,
      String paymentToken,
      SubscriptionStatus status,
      int periods,
      Instant lastDueAt) {

    /** The period, as a duration. */
    public Duration period() {
      return Duration.parse(every);
    }
  }

  private final Duration minInterval;

  private Subscriptions(Duration minInterval) {
    this.minInterval = minInterval;
  }

  /**
   * The subscriptions, whose period is at least the given one. The type is known by its name, so
   * routes and views declared with {@link #TYPE} read the events of this one.
   */
  public static AggregateType<Command, Event, SubscriptionState> type(Duration minInterval) {
    if (minInterval.isNegative() || minInterval.isZero()) {
      throw new IllegalArgumentException("the shortest period is positive, not " + minInterval);
    }
    return new AggregateType<>(
            "subscriptions",
            new Subscriptions(minInterval),
            Command.class,
            Event.class,
            SubscriptionState.class)
        .withCustomerAccess(
            new CustomerAccess<>(
                Subscriptions::sentByCustomers,
                Subscriptions::customerNamed,
                (id, subscription) ->
                    Optional.ofNullable(subscription).map(SubscriptionState::customerId)));
  }

  /** A customer manages its own subscriptions; their periods are started by Cairn. */
  private static boolean sentByCustomers(Command command) {
    return switch (command) {
      case Subscribe subscribe -> true;
      case ChangeLines change -> true;
      case Pause pause -> true;
      case Resume resume -> true;
      case Cancel cancel -> true;
      case StartPeriod start -> false;
      case FailPeriod fail -> false;
    };
  }

  private static Optional<String> customerNamed(Command command) {
    return switch (command) {
      case Subscribe subscribe -> Optional.ofNullable(subscribe.customerId());
      case ChangeLines change -> Optional.empty();
      case Pause pause -> Optional.empty();
      case Resume resume -> Optional.empty();
      case Cancel cancel -> Optional.empty();
      case StartPeriod start -> Optional.empty();
      case FailPeriod fail -> Optional.empty();
    };
  }

  /** The order, and the cart it is checked out from, of a subscription's period. */
  public static String orderId(String subscriptionId, int period) {
    return subscriptionId + "-" + period;
  }

  @Override
  public SubscriptionState initialState() {
    return null;
  }

  @Override
  public Decision<Event> decide(Command command, SubscriptionState subscription) {
    if (subscription == null && !(command instanceof Subscribe)) {
      return reject("subscription_not_found", "There is no such subscription.");
    }
    return new SubscriptionRules(minInterval).decide(command, subscription);
  }

  @Override
  public SubscriptionState evolve(SubscriptionState s, Event event) {
    return switch (event) {
      case Subscribed subscribed ->
          new SubscriptionState(
              subscribed.customerId(),
              subscribed.lines(),
              subscribed.every(),
              subscribed.paymentToken(),
              SubscriptionStatus.ACTIVE,
              0,
              null);
      case LinesChanged changed ->
          new SubscriptionState(
              s.customerId(),
              changed.lines(),
              s.every(),
              s.paymentToken(),
              s.status(),
              s.periods(),
              s.lastDueAt());
      case SubscriptionPaused paused -> withStatus(s, SubscriptionStatus.PAUSED);
      case SubscriptionResumed resumed -> withStatus(s, SubscriptionStatus.ACTIVE);
      case SubscriptionCancelled cancelled -> withStatus(s, SubscriptionStatus.CANCELLED);
      case PeriodStarted started -> withPeriod(s, started.period(), started.dueAt());
      case PeriodSkipped skipped -> withPeriod(s, skipped.period(), skipped.dueAt());
      case PeriodFailed failed -> s;
    };
  }

  private static SubscriptionState withStatus(SubscriptionState s, SubscriptionStatus status) {
    return new SubscriptionState(
        s.customerId(), s.lines(), s.every(), s.paymentToken(), status, s.periods(), s.lastDueAt());
  }

  private static SubscriptionState withPeriod(SubscriptionState s, int period, Instant dueAt) {
    return new SubscriptionState(
        s.customerId(), s.lines(), s.every(), s.paymentToken(), s.status(), period, dueAt);
  }
}
