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
 * Officer-citizen connections per day, in all and per officer. Both profiles record each
 * connection; it is counted once, from the officer's, where the other person is the citizen.
 */
public final class ConnectionsPerDay {
  private ConnectionsPerDay() {}

  /**
   * A connection an officer made.
   *
   * @param officerId the officer
   */
  public record Connected(String officerId) {}

  /**
   * A day's connections.
   *
   * @param logged connections logged
   * @param byOfficer the same, per officer
   */
  public record Connections(long logged, Map<String, Long> byOfficer) {
    /** Freezes the map. */
    public Connections {
      byOfficer = Map.copyOf(byOfficer);
    }
  }

  /** The report. */
  public static final Report<Connected, Connections> REPORT =
      Report.named("connections", Connected.class, Connections.class)
          .describedAs("Officer-citizen connections logged per day, in all and per officer.")
          .per(Report.ALL, Windowing.tumbling(Duration.ofDays(1)))
          .on(Customers.TYPE, ConnectionsPerDay::connected)
          .folding(new Connections(0, Map.of()), ConnectionsPerDay::add)
          .build();

  private static List<Keyed<Connected>> connected(
      SourcedEvent<Customers.Event, Customers.CustomerState> event) {
    return switch (event.event()) {
      case Customers.ConnectionRecorded recorded ->
          Customers.CITIZEN.equals(recorded.role())
              ? List.of(new Keyed<>(Report.ALL, new Connected(event.aggregateId())))
              : List.of();
      case Customers.CustomerRegistered other -> List.of();
      case Customers.ProfileChanged other -> List.of();
      case Customers.PointsAwarded other -> List.of();
      case Customers.PointsRedeemed other -> List.of();
      case Customers.CustomerNotified other -> List.of();
      case Customers.PointsDonated other -> List.of();
      case Customers.DonationReceived other -> List.of();
      case Customers.DonationRefunded other -> List.of();
    };
  }

  private static Connections add(Connections day, Connected connected) {
    Map<String, Long> byOfficer = new HashMap<>(day.byOfficer());
    byOfficer.merge(connected.officerId(), 1L, Long::sum);
    return new Connections(day.logged() + 1, byOfficer);
  }
}
