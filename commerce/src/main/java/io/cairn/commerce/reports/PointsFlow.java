package io.cairn.commerce.reports;

import io.cairn.commerce.customers.Customers;
import io.cairn.core.report.Keyed;
import io.cairn.core.report.Report;
import io.cairn.core.report.Windowing;
import io.cairn.core.view.SourcedEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loyalty points per day: awarded and redeemed, each by reason, and donated (net of donations given
 * back). A reason is counted by what comes before its first colon, so every order's points ({@code
 * order:o-1}) count as {@code order}.
 */
public final class PointsFlow {
  private PointsFlow() {}

  /** Which way points moved. */
  public enum Movement {
    AWARDED,
    REDEEMED,
    DONATED
  }

  /**
   * Points that moved.
   *
   * @param movement which way
   * @param reason why, by its kind; null for donations
   * @param points how many, negative for a donation given back
   */
  public record Moved(Movement movement, String reason, long points) {}

  /**
   * A day's points.
   *
   * @param awarded points awarded
   * @param redeemed points redeemed
   * @param donated points donated, net of those given back
   * @param awardedByReason awarded, by reason
   * @param redeemedByReason redeemed, by reason
   */
  public record Flow(
      long awarded,
      long redeemed,
      long donated,
      Map<String, Long> awardedByReason,
      Map<String, Long> redeemedByReason) {
    /** Freezes the maps. */
    public Flow {
      awardedByReason = Map.copyOf(awardedByReason);
      redeemedByReason = Map.copyOf(redeemedByReason);
    }
  }

  /** The report. */
  public static final Report<Moved, Flow> REPORT =
      Report.named("points-flow", Moved.class, Flow.class)
          .describedAs("Points awarded and redeemed by reason, and donated, per day.")
          .per(Report.ALL, Windowing.tumbling(Duration.ofDays(1)))
          .on(Customers.TYPE, PointsFlow::moved)
          .folding(new Flow(0, 0, 0, Map.of(), Map.of()), PointsFlow::add)
          .build();

  private static List<Keyed<Moved>> moved(
      SourcedEvent<Customers.Event, Customers.CustomerState> event) {
    Moved moved =
        switch (event.event()) {
          case Customers.PointsAwarded awarded ->
              new Moved(Movement.AWARDED, kind(awarded.reason()), awarded.points());
          case Customers.PointsRedeemed redeemed ->
              new Moved(Movement.REDEEMED, kind(redeemed.reason()), redeemed.points());
          case Customers.PointsDonated donated ->
              new Moved(Movement.DONATED, null, donated.points());
          case Customers.DonationRefunded refunded ->
              new Moved(Movement.DONATED, null, -refunded.points());
          case Customers.CustomerRegistered other -> null;
          case Customers.ProfileChanged other -> null;
          case Customers.CustomerNotified other -> null;
          case Customers.ConnectionRecorded other -> null;
          case Customers.DonationReceived other -> null;
          case Customers.CustomerErased other -> null;
        };
    return moved == null ? List.of() : List.of(new Keyed<>(Report.ALL, moved));
  }

  private static String kind(String reason) {
    if (reason == null || reason.isBlank()) {
      return "none";
    }
    int colon = reason.indexOf(':');
    return colon < 0 ? reason : reason.substring(0, colon);
  }

  private static Flow add(Flow flow, Moved moved) {
    return switch (moved.movement()) {
      case AWARDED ->
          new Flow(
              flow.awarded() + moved.points(),
              flow.redeemed(),
              flow.donated(),
              plus(flow.awardedByReason(), moved),
              flow.redeemedByReason());
      case REDEEMED ->
          new Flow(
              flow.awarded(),
              flow.redeemed() + moved.points(),
              flow.donated(),
              flow.awardedByReason(),
              plus(flow.redeemedByReason(), moved));
      case DONATED ->
          new Flow(
              flow.awarded(),
              flow.redeemed(),
              flow.donated() + moved.points(),
              flow.awardedByReason(),
              flow.redeemedByReason());
    };
  }

  private static Map<String, Long> plus(Map<String, Long> byReason, Moved moved) {
    Map<String, Long> after = new HashMap<>(byReason);
    after.merge(moved.reason(), moved.points(), Long::sum);
    return after;
  }
}
