package io.cairn.commerce.products;

/**
 * A product as the views keep it: its catalogue entry, its rating and its stock, from the products
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
    public int available() {
      return onHand - reserved;
    }
  }

  /**
   * A product as clients read it: the view with its rating's average and its available stock.
   *
   * @param id the product id
   * @param name its name
   * @param category its category
   * @param priceMinor its current price in minor units
   * @param currency the ISO currency of the price
   * @param discontinued whether it was taken off sale
   * @param rating the customers' ratings
   * @param stock the inventory of the product
   */
  public record Shown(
      String id,
      String name,
      String category,
      long priceMinor,
      String currency,
      boolean discontinued,
      ShownRating rating,
      ShownStock stock) {}

  /**
   * Ratings as clients read them.
   *
   * @param count how many customers rated
   * @param starsTotal the sum of their stars
   * @param average the mean of the stars, to two decimals; 0 before any rating
   */
  public record ShownRating(int count, long starsTotal, double average) {}

  /**
   * Stock as clients read it.
   *
   * @param onHand units in the warehouse
   * @param reserved units set aside for orders not shipped yet
   * @param available units that can still be reserved
   */
  public record ShownStock(int onHand, int reserved, int available) {}

  /** The product as clients read it. */
  Shown shown() {
    return new Shown(
        id,
        name,
        category,
        priceMinor,
        currency,
        discontinued,
        new ShownRating(rating.count(), rating.starsTotal(), rating.average()),
        new ShownStock(stock.onHand(), stock.reserved(), stock.available()));
  }
}
