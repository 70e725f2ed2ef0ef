package io.cairn.commerce.views;

import io.cairn.topology.views.Lookup;
import io.cairn.topology.views.Projection;
import io.cairn.topology.views.SourcedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Folds events through a projection as its store would, without Kafka, for the views' specs. */
final class Folds {
  private Folds() {}

  /** The entries of a view after the events, by store key in store order. */
  static <V> Map<String, V> fold(Projection<V> projection, String key, SourcedEvent... events) {
    Map<String, V> store = new TreeMap<>();
    for (SourcedEvent event : events) {
      String at = projection.storeKey(key, event);
      V after = projection.evolve(store.get(at), event);
      if (after != null) {
        store.put(at, after);
      }
    }
    return store;
  }

  /** A view's one entry after the events. */
  static <V> V one(Projection<V> projection, String key, SourcedEvent... events) {
    return fold(projection, key, events).get(key);
  }

  /** The rows of a list view after the events, in their order. */
  static <V> List<V> rows(Projection<V> projection, String key, SourcedEvent... events) {
    return new ArrayList<>(fold(projection, key, events).values());
  }

  /** A lookup that finds the given products in the product view. */
  static Lookup products(ProductView... products) {
    Map<String, ProductView> byId = new TreeMap<>();
    for (ProductView product : products) {
      byId.put(product.id(), product);
    }
    return new Lookup() {
      @Override
      public <T> Optional<T> find(Projection<T> view, String id) {
        return Optional.ofNullable(byId.get(id)).map(view.viewType()::cast);
      }
    };
  }

  /** A defined product. */
  static ProductView product(String id, String name, long priceMinor, String currency) {
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
