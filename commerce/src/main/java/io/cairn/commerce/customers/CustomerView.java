package io.cairn.commerce.customers;

import java.util.List;

/**
 * A customer as clients read it: the profile, the points balance and what they ordered.
 *
 * @param id the customer id
 * @param name null until the customer registers
 * @param email their email
 * @param points their points balance
 * @param orderCount how many orders they placed, cancelled ones included
 * @param lifetimeSpend the totals of their orders not cancelled, one per currency, by currency
 */
public record CustomerView(
    String id, String name, String email, long points, int orderCount, List<Spend> lifetimeSpend) {

  /** A customer known by id only: orders can be placed before the profile is seen. */
  static CustomerView unknown(String id) {
    return new CustomerView(id, null, null, 0, 0, List.of());
  }

  /**
   * What a customer spent in one currency.
   *
   * @param currency the ISO currency
   * @param totalMinor the amount in its minor units
   */
  public record Spend(String currency, long totalMinor) {}
}
