package io.cairn.commerce.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.inventory.Inventory;
import io.cairn.commerce.products.Products;
import io.cairn.topology.views.SourcedEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The product view's fold: given events from both sources, then the view. */
class ProductViewsTest {
  private final ProductViews views = new ProductViews();
  private long version;

  @Test
  void shouldShowDefinedProductWithPriceRatingAndStock() {
    ProductView view =
        fold(
            product(new Products.ProductDefined("Tea", "drinks", 450, "EUR")),
            product(new Products.PriceChanged(500, 450, "EUR")),
            product(new Products.ProductRated("c-1", 4, null)),
            product(new Products.ProductRated("c-2", 5, null)),
            product(new Products.ProductRated("c-1", 2, 4)),
            stock(new Inventory.StockReceived(10)),
            stock(new Inventory.StockReserved("o-1", 3)),
            stock(new Inventory.StockReserved("o-2", 2)),
            stock(new Inventory.StockReleased("o-2", 2)),
            stock(new Inventory.StockShipped("o-1", 3)));

    assertThat(view)
        .isEqualTo(
            new ProductView(
                "p-1",
                "Tea",
                "drinks",
                500,
                "EUR",
                false,
                new ProductView.Rating(2, 7),
                new ProductView.Stock(7, 0)));
    assertThat(view.rating().average()).isEqualTo(3.5);
    assertThat(views.exists(view)).isTrue();
  }

  @Test
  void shouldHideProductWithStockButNoDefinitionYet() {
    ProductView view = fold(stock(new Inventory.StockReceived(5)));

    assertThat(view.stock()).isEqualTo(new ProductView.Stock(5, 0));
    assertThat(views.exists(view)).isFalse();
  }

  @Test
  void shouldMarkDiscontinuedProduct() {
    ProductView view =
        fold(
            product(new Products.ProductDefined("Tea", "drinks", 450, "EUR")),
            product(new Products.ProductDiscontinued()));

    assertThat(view.discontinued()).isTrue();
  }

  private ProductView fold(SourcedEvent... events) {
    ProductView view = null;
    for (SourcedEvent event : events) {
      view = views.evolve(view, event);
    }
    return view;
  }

  private SourcedEvent product(Products.Event event) {
    return sourced("products", event);
  }

  private SourcedEvent stock(Inventory.Event event) {
    return sourced("inventory", event);
  }

  private SourcedEvent sourced(String type, Object event) {
    return new SourcedEvent(
        type,
        "p-1",
        ++version,
        Instant.parse("2026-11-23T10:00:00Z"),
        event.getClass().getSimpleName(),
        event,
        "{}");
  }
}
