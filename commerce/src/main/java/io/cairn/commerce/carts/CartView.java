package io.cairn.commerce.carts;

import java.time.Instant;
import java.util.List;

/**
 * A cart as the views keep it: its lines by product id and quantity. The products' names and prices
 * are looked up when it is shown ({@link CartProjection#render}), so a price change shows in every
 * cart at once without touching them.
 *
 * @param id the cart id
 * @param status open or checked out
 * @param customerId who checked it out; null while open
 * @param lines its lines, in the order they were first added
 * @param updatedAt when its latest event happened
 */
public record CartView(
    String id,
    Carts.CartStatus status,
    String customerId,
    List<Carts.CartLine> lines,
    Instant updatedAt) {

  /**
   * A cart as clients read it, with its products' current names and prices.
   *
   * @param id the cart id
   * @param status open or checked out
   * @param customerId who checked it out; null while open
   * @param lines its lines
   * @param totalMinor the sum of the line totals; null when its priced lines are in more than one
   *     currency
   * @param currency the currency of its total
   * @param updatedAt when its latest event happened
   */
  public record Shown(
      String id,
      Carts.CartStatus status,
      String customerId,
      List<Line> lines,
      Long totalMinor,
      String currency,
      Instant updatedAt) {}

  /**
   * A line with its product: the name, price and line total are null when the product is unknown.
   *
   * @param productId the product
   * @param name the product's name
   * @param quantity how many
   * @param unitPriceMinor the product's current price
   * @param currency its currency
   * @param lineTotalMinor quantity times price
   * @param discontinued whether the product was taken off sale
   */
  public record Line(
      String productId,
      String name,
      int quantity,
      Long unitPriceMinor,
      String currency,
      Long lineTotalMinor,
      boolean discontinued) {}
}
