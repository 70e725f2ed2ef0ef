package io.cairn.commerce.reports;

import io.cairn.commerce.carts.Carts;
import io.cairn.core.report.Keyed;
import io.cairn.core.report.Report;
import io.cairn.core.report.Tracking;
import io.cairn.core.report.Tracking.Step;
import io.cairn.core.report.Windowing;
import io.cairn.core.view.SourcedEvent;
import java.time.Duration;
import java.util.List;

/**
 * Carts abandoned with items against carts checked out, per hour. A cart's activity comes in
 * sessions: a session ends when the cart is checked out, counted in the hour of the check-out, or
 * when the cart has had no event for the gap, counted as abandoned, if it holds items, in the hour
 * the gap ran out. A cart touched again after that starts a new session.
 */
public final class CartAbandonment {
  private CartAbandonment() {}

  /** The gap that ends a session unless the app sets another. */
  public static final Duration DEFAULT_GAP = Duration.ofMinutes(30);

  /**
   * A session in progress.
   *
   * @param lines the lines of its cart after its latest event
   */
  public record Session(int lines) {}

  /**
   * How one session ended.
   *
   * @param abandoned one when it ended with items and no check-out
   * @param checkedOut one when it ended by a check-out
   */
  public record Ended(long abandoned, long checkedOut) {}

  /**
   * An hour's sessions.
   *
   * @param abandoned sessions that ended with items and no check-out
   * @param checkedOut sessions that ended by a check-out
   * @param abandonmentRate abandoned out of both, 0 when none
   */
  public record Abandonment(long abandoned, long checkedOut, double abandonmentRate) {}

  /** The report, with sessions ended by the default gap. */
  public static final Report<Ended, Ended> REPORT = withGap(DEFAULT_GAP);

  /** The report, with sessions ended by this gap. */
  public static Report<Ended, Ended> withGap(Duration gap) {
    return Report.named("cart-abandonment", Ended.class, Ended.class)
        .describedAs(
            "Cart sessions per hour: abandoned with items after "
                + gap
                + " without activity, against checked out.")
        .per(Report.ALL, Windowing.tumbling(Duration.ofHours(1)))
        .tracking(
            Carts.TYPE,
            Tracking.of(Session.class, CartAbandonment::step)
                .endingAfter(gap, CartAbandonment::idle))
        .folding(
            new Ended(0, 0),
            (hour, ended) ->
                new Ended(
                    hour.abandoned() + ended.abandoned(), hour.checkedOut() + ended.checkedOut()))
        .shownAs(Abandonment.class, CartAbandonment::shown)
        .build();
  }

  private static Step<Session, Ended> step(
      Session session, SourcedEvent<Carts.Event, Carts.CartState> event) {
    return switch (event.event()) {
      case Carts.ItemAdded added -> Step.remember(new Session(event.state().lines().size()));
      case Carts.ItemRemoved removed -> Step.remember(new Session(event.state().lines().size()));
      case Carts.CartCheckedOut checkedOut -> Step.forget(new Keyed<>(Report.ALL, new Ended(0, 1)));
    };
  }

  private static List<Keyed<Ended>> idle(Session session) {
    return session.lines() > 0 ? List.of(new Keyed<>(Report.ALL, new Ended(1, 0))) : List.of();
  }

  private static Abandonment shown(Ended hour) {
    long ended = hour.abandoned() + hour.checkedOut();
    return new Abandonment(
        hour.abandoned(), hour.checkedOut(), ended == 0 ? 0 : (double) hour.abandoned() / ended);
  }
}
