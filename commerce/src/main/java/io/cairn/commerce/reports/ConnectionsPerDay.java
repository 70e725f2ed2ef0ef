package io.cairn.commerce.reports;

import io.cairn.commerce.customers.Customers;
import io.cairn.core.report.Keyed;
import io.cairn.core.report.Report;
import io.cairn.core.report.Windowing;
import io.cairn.core.view.SourcedEvent;
import java.time.Duration;
import java.util.List;

/**
 * Officer-citizen connections per day, under the key {@code all} and under each officer's id, so
 * that no window grows with the number of officers. Both profiles record each connection; it is
 * counted once, from the officer's, where the other person is the citizen.
 */
public final class ConnectionsPerDay {
  private ConnectionsPerDay() {}

  /** A connection was logged. */
  public record Connected() {}

  /**
   * A day's connections, in all or of one officer.
   *
   * @param logged connections logged
   */
  public record Connections(long logged) {}

  /** The report. */
  public static final Report<Connected, Connections> REPORT =
      Report.named("connections", Connected.class, Connections.class)
          .describedAs(
              "Officer-citizen connections logged per day, in all (key all) and per officer (key"
                  + " the officer's id).")
          .per("officerId", Windowing.tumbling(Duration.ofDays(1)))
          .on(Customers.TYPE, ConnectionsPerDay::connected)
          .folding(new Connections(0), (day, connected) -> new Connections(day.logged() + 1))
          .build();

  private static List<Keyed<Connected>> connected(
      SourcedEvent<Customers.Event, Customers.CustomerState> event) {
    return switch (event.event()) {
      case Customers.ConnectionRecorded recorded ->
          Customers.CITIZEN.equals(recorded.role())
              ? List.of(
                  new Keyed<>(Report.ALL, new Connected()),
                  new Keyed<>(event.aggregateId(), new Connected()))
              : List.of();
      case Customers.CustomerRegistered other -> List.of();
      case Customers.ProfileChanged other -> List.of();
      case Customers.PointsAwarded other -> List.of();
      case Customers.PointsRedeemed other -> List.of();
      case Customers.CustomerNotified other -> List.of();
      case Customers.PointsDonated other -> List.of();
      case Customers.DonationReceived other -> List.of();
      case Customers.DonationRefunded other -> List.of();
      case Customers.CustomerErased other -> List.of();
    };
  }
}
