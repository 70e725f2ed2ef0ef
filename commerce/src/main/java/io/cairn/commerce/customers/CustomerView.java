package io.cairn.commerce.customers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A customer as clients read it: the profile, the points balance and where points went, the
 * connections the Connections service logged, and what they ordered.
 *
 * @param id the customer id
 * @param name null until the customer registers
 * @param email their email
 * @param points their points balance
 * @param orderCount how many orders they placed, cancelled ones included
 * @param lifetimeSpend the totals of their orders not cancelled, one per currency, by currency
 * @param pointsDonated points they gave to others, less any a donation gave back
 * @param pointsReceived points others gave them
 * @param connections their connections
 */
public record CustomerView(
    String id,
    String name,
    String email,
    long points,
    int orderCount,
    List<Spend> lifetimeSpend,
    long pointsDonated,
    long pointsReceived,
    Connections connections) {

  /** How many connections the view lists. */
  static final int LATEST_CONNECTIONS = 10;

  /** A customer known by id only: orders can be placed before the profile is seen. */
  static CustomerView unknown(String id) {
    return new CustomerView(id, null, null, 0, 0, List.of(), 0, 0, Connections.NONE);
  }

  /**
   * What a customer spent in one currency.
   *
   * @param currency the ISO currency
   * @param totalMinor the amount in its minor units
   */
  public record Spend(String currency, long totalMinor) {}

  /**
   * A customer's connections.
   *
   * @param count how many were recorded
   * @param latest the latest ten, newest first
   */
  public record Connections(int count, List<Connection> latest) {
    static final Connections NONE = new Connections(0, List.of());

    Connections with(Connection connection) {
      List<Connection> all = new ArrayList<>(latest);
      all.add(connection);
      all.sort(Comparator.comparing(Connection::at).reversed());
      return new Connections(
          count + 1, List.copyOf(all.subList(0, Math.min(all.size(), LATEST_CONNECTIONS))));
    }
  }

  /**
   * One connection.
   *
   * @param withId the other person
   * @param role the other person's role: {@code officer} or {@code citizen}
   * @param at when it was logged
   */
  public record Connection(String withId, String role, Instant at) {}

  /** This view with the profile's fields and balance as given. */
  CustomerView withProfile(String newName, String newEmail, long balance) {
    return new CustomerView(
        id,
        newName,
        newEmail,
        balance,
        orderCount,
        lifetimeSpend,
        pointsDonated,
        pointsReceived,
        connections);
  }

  /** This view with its orders as given. */
  CustomerView withOrders(int count, List<Spend> spend) {
    return new CustomerView(
        id, name, email, points, count, spend, pointsDonated, pointsReceived, connections);
  }

  /** This view with points donated and received changed by the given amounts. */
  CustomerView withDonations(long donated, long received) {
    return new CustomerView(
        id,
        name,
        email,
        points,
        orderCount,
        lifetimeSpend,
        pointsDonated + donated,
        pointsReceived + received,
        connections);
  }

  /** This view with one more connection. */
  CustomerView withConnection(Connection connection) {
    return new CustomerView(
        id,
        name,
        email,
        points,
        orderCount,
        lifetimeSpend,
        pointsDonated,
        pointsReceived,
        connections.with(connection));
  }
}
