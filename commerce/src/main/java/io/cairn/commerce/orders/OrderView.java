package io.cairn.commerce.orders;

import io.cairn.commerce.payments.Payments;
import java.time.Instant;
import java.util.List;

/**
 * An order as the views keep it: its state with the times of its status changes. Product names are
 * looked up when it is shown; prices are the order's own, as placed.
 *
 * @param id the order id
 * @param status where the order is in its life
 * @param customerId who placed it
 * @param currency the currency of its prices
 * @param lines its lines as placed
 * @param totalMinor its total as placed
 * @param cancelReason why it was cancelled; null unless it was
 * @param timeline each status it reached, with when, oldest first
 * @param paymentStatus where its payment is; null before one is asked for
 */
public record OrderView(
    String id,
    Orders.OrderStatus status,
    String customerId,
    String currency,
    List<Orders.OrderLine> lines,
    long totalMinor,
    String cancelReason,
    List<StatusChange> timeline,
    Payments.PaymentStatus paymentStatus) {

  /**
   * A status the order reached.
   *
   * @param status the status
   * @param at when
   */
  public record StatusChange(Orders.OrderStatus status, Instant at) {}

  /**
   * An order as clients read it, with its products' names.
   *
   * @param id the order id
   * @param status where the order is in its life
   * @param customerId who placed it
   * @param currency the currency of its prices
   * @param lines its lines
   * @param totalMinor its total
   * @param cancelReason why it was cancelled; null unless it was
   * @param timeline each status it reached, with when, oldest first
   * @param paymentStatus where its payment is; null before one is asked for
   */
  public record Shown(
      String id,
      Orders.OrderStatus status,
      String customerId,
      String currency,
      List<Line> lines,
      long totalMinor,
      String cancelReason,
      List<StatusChange> timeline,
      Payments.PaymentStatus paymentStatus) {}

  /**
   * A line of an order with its product's name, null when the product is unknown.
   *
   * @param productId the product
   * @param name its name
   * @param quantity how many
   * @param unitPriceMinor the price it was ordered at
   * @param lineTotalMinor quantity times price
   */
  public record Line(
      String productId, String name, int quantity, long unitPriceMinor, long lineTotalMinor) {}
}
