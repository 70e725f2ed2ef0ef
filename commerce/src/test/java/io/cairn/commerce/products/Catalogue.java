package io.cairn.commerce.products;

import io.cairn.core.view.Projection;
import io.cairn.core.view.ViewLookup;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Products as other views look them up when they are shown, for the views' specs. */
public final class Catalogue {
  private Catalogue() {}

  /** A lookup that finds the given products in the product view. */
  public static ViewLookup products(ProductView... products) {
    Map<String, ProductView> byId = new TreeMap<>();
    for (ProductView product : products) {
      byId.put(product.id(), product);
    }
    return new ViewLookup() {
      @Override
      public <T> Optional<T> find(Projection<T> view, String id) {
        return Optional.ofNullable(byId.get(id)).map(view.viewType()::cast);
      }
    };
  }

  /** A defined product. */
  public static ProductView product(String id, String name, long priceMinor, String currency) {
    return new ProductView(
        id,
        name,
        "general",
        priceMinor,
        currency,
        false,
        new ProductView.Rating(0, 0),
        new ProductView.Stock(0, 0));
  }
}
