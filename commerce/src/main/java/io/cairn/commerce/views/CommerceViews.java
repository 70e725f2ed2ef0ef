package io.cairn.commerce.views;

import io.cairn.topology.views.Projection;
import java.util.List;

/** The commerce domain's views, each declared once as a projection. */
public final class CommerceViews {
  private CommerceViews() {}

  /** Every view of the domain. */
  public static List<Projection<?>> all() {
    ProductViews products = new ProductViews();
    return List.of(
        products,
        new CartViews(products),
        new OrderViews(products),
        new CustomerViews(),
        new CustomerOrderViews());
  }
}
