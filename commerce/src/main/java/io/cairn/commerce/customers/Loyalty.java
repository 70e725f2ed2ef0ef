package io.cairn.commerce.customers;

import io.cairn.commerce.orders.Orders;
import io.cairn.core.reaction.Policy;
import io.cairn.core.reaction.Send;
import java.util.List;

/**
 * The loyalty programme: a customer earns a point per whole unit of currency of every order that
 * ships, once per order.
 */
public final class Loyalty {
  /** The minor units a point is earned for: one per whole unit of a two-decimal currency. */
  public static final long MINOR_UNITS_PER_POINT = 100;

  /** The policy awarding the points when an order ships. */
  public static final Policy POLICY =
      Policy.named("loyalty")
          .on(
              Orders.TYPE,
              shipped ->
                  switch (shipped.event()) {
                    case Orders.OrderShipped ignored ->
                        award(shipped.aggregateId(), shipped.state());
                    case Orders.OrderPlaced ignored -> List.of();
                    case Orders.OrderConfirmed ignored -> List.of();
                    case Orders.OrderCancelled ignored -> List.of();
                    case Orders.OrderRefused ignored -> List.of();
                  })
          .build();

  private Loyalty() {}

  private static List<Send> award(String orderId, Orders.OrderState order) {
    long points = order.totalMinor() / MINOR_UNITS_PER_POINT;
    if (points < 1) {
      return List.of();
    }
    return List.of(
        Send.to(
            Customers.TYPE,
            order.customerId(),
            new Customers.AwardPoints(points, "order:" + orderId)));
  }
}
