package io.cairn.commerce.products;

import io.cairn.commerce.inventory.Inventory;
import io.cairn.core.view.Projection;
import io.cairn.core.view.Source;
import io.cairn.core.view.SourcedEvent;
import io.cairn.core.view.ViewLookup;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The product view: the products and inventory events of a product id, folded into one. */
public final class ProductProjection implements Projection<ProductView> {

  @Override
  public String name() {
    return "products";
  }

  @Override
  public Class<ProductView> viewType() {
    return ProductView.class;
  }

  @Override
  public List<Source<ProductView, ?, ?>> sources() {
    return List.of(
        Source.of(Products.TYPE, ProductProjection::catalogued),
        Source.of(Inventory.TYPE, ProductProjection::stocked));
  }

  /** Stock can be received before the product is defined: the view starts from its id. */
  @Override
  public ProductView initial(String id) {
    return ProductView.unknown(id);
  }

  @Override
  public boolean exists(ProductView view) {
    return view.name() != null;
  }

  @Override
  public Class<ProductView.Shown> shownType() {
    return ProductView.Shown.class;
  }

  @Override
  public ProductView.Shown render(ProductView view, ViewLookup views) {
    return view.shown();
  }

  @Override
  public Set<String> filters() {
    return Set.of("category");
  }

  @Override
  public boolean matches(ProductView view, Map<String, String> filters) {
    String category = filters.get("category");
    return category == null || category.equals(view.category());
  }

  private static ProductView catalogued(
      ProductView p, SourcedEvent<Products.Event, Products.ProductState> event) {
    return switch (event.event()) {
      case Products.ProductDefined d ->
          new ProductView(
              p.id(),
              d.name(),
              d.category(),
              d.priceMinor(),
              d.currency(),
              false,
              p.rating(),
              p.stock());
      case Products.PriceChanged c -> withPrice(p, c.priceMinor());
      case Products.RatingGiven given ->
          withRating(
              p,
              new ProductView.Rating(
                  p.rating().count() + 1, p.rating().starsTotal() + given.stars()));
      case Products.RatingRevised revised ->
          withRating(
              p,
              new ProductView.Rating(
                  p.rating().count(),
                  p.rating().starsTotal() - revised.previousStars() + revised.stars()));
      case Products.ProductQuoted quoted -> p;
      case Products.ProductDiscontinued x ->
          new ProductView(
              p.id(),
              p.name(),
              p.category(),
              p.priceMinor(),
              p.currency(),
              true,
              p.rating(),
              p.stock());
    };
  }

  private static ProductView stocked(
      ProductView p, SourcedEvent<Inventory.Event, Inventory.InventoryState> event) {
    ProductView.Stock stock = p.stock();
    return withStock(
        p,
        switch (event.event()) {
          case Inventory.StockReceived r ->
              new ProductView.Stock(stock.onHand() + r.quantity(), stock.reserved());
          case Inventory.StockReserved r ->
              new ProductView.Stock(stock.onHand(), stock.reserved() + r.quantity());
          case Inventory.StockReleased r ->
              new ProductView.Stock(stock.onHand(), stock.reserved() - r.quantity());
          case Inventory.StockShipped s ->
              new ProductView.Stock(stock.onHand() - s.quantity(), stock.reserved() - s.quantity());
        });
  }

  private static ProductView withPrice(ProductView p, long priceMinor) {
    return new ProductView(
        p.id(),
        p.name(),
        p.category(),
        priceMinor,
        p.currency(),
        p.discontinued(),
        p.rating(),
        p.stock());
  }

  private static ProductView withRating(ProductView p, ProductView.Rating rating) {
    return new ProductView(
        p.id(),
        p.name(),
        p.category(),
        p.priceMinor(),
        p.currency(),
        p.discontinued(),
        rating,
        p.stock());
  }

  private static ProductView withStock(ProductView p, ProductView.Stock stock) {
    return new ProductView(
        p.id(),
        p.name(),
        p.category(),
        p.priceMinor(),
        p.currency(),
        p.discontinued(),
        p.rating(),
        stock);
  }
}
