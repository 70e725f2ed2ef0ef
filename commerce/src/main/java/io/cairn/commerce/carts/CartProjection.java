package io.cairn.commerce.carts;

import io.cairn.commerce.products.ProductProjection;
import io.cairn.commerce.products.ProductView;
import io.cairn.core.view.Projection;
import io.cairn.core.view.Source;
import io.cairn.core.view.SourcedEvent;
import io.cairn.core.view.ViewLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The cart view: a cart's own state, shown with its products' current names and prices. */
public final class CartProjection implements Projection<CartView> {
  private final ProductProjection products;

  /** A cart view that looks its products up in the product view. */
  public CartProjection(ProductProjection products) {
    this.products = products;
  }

  @Override
  public String name() {
    return "carts";
  }

  @Override
  public Class<CartView> viewType() {
    return CartView.class;
  }

  @Override
  public List<Source<CartView, ?, ?>> sources() {
    return List.of(Source.of(Carts.TYPE, CartProjection::evolve));
  }

  /** Every event leaves the cart as its state says; which event it was does not matter. */
  private static CartView evolve(CartView view, SourcedEvent<Carts.Event, Carts.CartState> event) {
    Carts.CartState cart = event.state();
    return new CartView(
        event.aggregateId(), cart.status(), cart.customerId(), cart.lines(), event.occurredAt());
  }

  @Override
  public Class<CartView.Shown> shownType() {
    return CartView.Shown.class;
  }

  @Override
  public CartView.Shown render(CartView cart, ViewLookup views) {
    List<CartView.Line> lines = new ArrayList<>();
    for (Carts.CartLine line : cart.lines()) {
      lines.add(line(line, views.find(products, line.productId())));
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

  private static CartView.Line line(Carts.CartLine line, Optional<ProductView> product) {
    if (product.isEmpty()) {
      return new CartView.Line(line.productId(), null, line.quantity(), null, null, null, false);
    }
    ProductView p = product.get();
    return new CartView.Line(
        line.productId(),
        p.name(),
        line.quantity(),
        p.priceMinor(),
        p.currency(),
        Math.multiplyExact(p.priceMinor(), line.quantity()),
        p.discontinued());
  }
}
