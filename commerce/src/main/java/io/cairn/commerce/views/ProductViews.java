package io.cairn.commerce.views;

import io.cairn.commerce.inventory.Inventory;
import io.cairn.commerce.products.Products;
import io.cairn.topology.views.Projection;
import io.cairn.topology.views.SourcedEvent;
import java.util.Map;
import java.util.Set;

/** The product view: the products and inventory events of a product id, folded into one. */
public final class ProductViews implements Projection<ProductView> {

  @Override
  public String name() {
    return "products";
  }

  @Override
  public Set<String> sources() {
    return Set.of("products", "inventory");
  }

  @Override
  public Class<ProductView> viewType() {
    return ProductView.class;
  }

  @Override
  public boolean exists(ProductView view) {
    return view.name() != null;
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

  @Override
  public ProductView evolve(ProductView view, SourcedEvent event) {
    ProductView p = view == null ? ProductView.unknown(event.aggregateId()) : view;
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
      case Products.ProductRated r -> withRating(p, rated(p.rating(), r));
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
      case Inventory.Event stock -> withStock(p, stocked(p.stock(), stock));
      default -> p;
    };
  }

  private static ProductView.Rating rated(ProductView.Rating rating, Products.ProductRated r) {
    return r.previousStars() == null
        ? new ProductView.Rating(rating.count() + 1, rating.starsTotal() + r.stars())
        : new ProductView.Rating(
            rating.count(), rating.starsTotal() - r.previousStars() + r.stars());
  }

  private static ProductView.Stock stocked(ProductView.Stock stock, Inventory.Event event) {
    return switch (event) {
      case Inventory.StockReceived r ->
          new ProductView.Stock(stock.onHand() + r.quantity(), stock.reserved());
      case Inventory.StockReserved r ->
          new ProductView.Stock(stock.onHand(), stock.reserved() + r.quantity());
      case Inventory.StockReleased r ->
          new ProductView.Stock(stock.onHand(), stock.reserved() - r.quantity());
      case Inventory.StockShipped s ->
          new ProductView.Stock(stock.onHand() - s.quantity(), stock.reserved() - s.quantity());
    };
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
