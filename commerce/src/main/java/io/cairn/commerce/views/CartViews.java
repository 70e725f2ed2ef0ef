package io.cairn.commerce.views;

import io.cairn.commerce.carts.Carts;
import io.cairn.topology.views.Lookup;
import io.cairn.topology.views.Projection;
import io.cairn.topology.views.SourcedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The cart view: a cart's own state, shown with its products' current names and prices. */
public final class CartViews implements Projection<CartView> {
  private final ProductViews products;

  /** A cart view that looks its products up in the product view. */
  public CartViews(ProductViews products) {
    this.products = products;
  }

  @Override
  public String name() {
    return "carts";
  }

  @Override
  public Set<String> sources() {
    return Set.of("carts");
  }

  @Override
  public Class<CartView> viewType() {
    return CartView.class;
  }

  @Override
  public CartView evolve(CartView view, SourcedEvent event) {
    Carts.CartState cart = event.state(Carts.CartState.class);
    return new CartView(
        event.aggregateId(), cart.status(), cart.customerId(), cart.lines(), event.occurredAt());
  }

  @Override
  public CartView.Shown render(CartView cart, Lookup lookup) {
    List<CartView.Line> lines = new ArrayList<>();
    for (Carts.CartItem item : cart.lines()) {
      lines.add(line(item, lookup.find(products, item.productId())));
    }
    List<String> currencies =
        lines.stream()
            .filter(l -> l.lineTotalMinor() != null)
            .map(CartView.Line::currency)
            .distinct()
            .toList();
    boolean oneCurrency = currencies.size() <= 1;
    Long total =
        oneCurrency
            ? lines.stream()
                .filter(l -> l.lineTotalMinor() != null)
                .mapToLong(CartView.Line::lineTotalMinor)
                .sum()
            : null;
    return new CartView.Shown(
        cart.id(),
        cart.status(),
        cart.customerId(),
        lines,
        total,
        currencies.size() == 1 ? currencies.getFirst() : null,
        cart.updatedAt());
  }

  private static CartView.Line line(Carts.CartItem item, Optional<ProductView> product) {
    if (product.isEmpty()) {
      return new CartView.Line(item.productId(), null, item.quantity(), null, null, null, false);
    }
    ProductView p = product.get();
    return new CartView.Line(
        item.productId(),
        p.name(),
        item.quantity(),
        p.priceMinor(),
        p.currency(),
        Math.multiplyExact(p.priceMinor(), item.quantity()),
        p.discontinued());
  }
}
