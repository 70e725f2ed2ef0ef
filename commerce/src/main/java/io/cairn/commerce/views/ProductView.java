package io.cairn.commerce.views;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A product as clients read it: its catalogue entry, its rating and its stock, from the products
 * and inventory events (both keyed by product id).
 *
 * @param id the product id
 * @param name null until the product is defined
 * @param category its category
 * @param priceMinor its current price in minor units
 * @param currency the ISO currency of the price
 * @param discontinued whether it was taken off sale
 * @param rating the customers' ratings
 * @param stock the inventory of the product
 */
public record ProductView(
    String id,
    String name,
    String category,
    long priceMinor,
    String currency,
    boolean discontinued,
    Rating rating,
    Stock stock) {

  /** A product known by its id only. */
  static ProductView unknown(String id) {
    return new ProductView(id, null, null, 0, null, false, new Rating(0, 0), new Stock(0, 0));
  }

  /**
   * Ratings: one per customer, a new one replacing the old.
   *
   * @param count how many customers rated
   * @param starsTotal the sum of their stars
   */
  public record Rating(int count, long starsTotal) {
    /** The mean of the stars, to two decimals; 0 before any rating. */
    @JsonProperty("average")
    public double average() {
      return count == 0 ? 0 : Math.round(starsTotal * 100.0 / count) / 100.0;
    }
  }

  /**
   * Stock on hand and reserved for orders.
   *
   * @param onHand units in the warehouse
   * @param reserved units set aside for orders not shipped yet
   */
  public record Stock(int onHand, int reserved) {
    /** Units that can still be reserved. */
    @JsonProperty("available")
    public int available() {
      return onHand - reserved;
    }
  }
}
