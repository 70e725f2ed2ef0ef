package io.cairn.commerce.reports;

import io.cairn.commerce.orders.Orders;
import io.cairn.core.report.Keyed;
import java.util.List;

/**
 * An order's lines as what each adds to a report under its product, with a sign: one when the order
 * is placed, minus one when it is cancelled, so that reports are net of cancellations.
 */
final class SignedLines {
  private SignedLines() {}

  /**
   * What one line adds.
   *
   * @param <D> the report's deltas
   */
  @FunctionalInterface
  interface LineDelta<D> {
    /**
     * The delta of a line.
     *
     * @param units its units, signed
     * @param revenueMinor what they cost in minor units, signed
     * @param currency the order's currency
     * @param sign one, or minus one
     */
    D of(long units, long revenueMinor, String currency, int sign);
  }

  /** Each line's delta, under its product. */
  static <D> List<Keyed<D>> of(Orders.OrderState order, int sign, LineDelta<D> delta) {
    return order.lines().stream()
        .map(
            line ->
                new Keyed<>(
                    line.productId(),
                    delta.of(
                        sign * (long) line.quantity(),
                        sign * line.quantity() * line.unitPriceMinor(),
                        order.currency(),
                        sign)))
        .toList();
  }
}
