package io.cairn.commerce.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.inventory.Inventory;
import io.cairn.commerce.products.Products;
import io.cairn.topology.views.SourcedEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The product view's fold: given events from both sources, then the view. */
class ProductViewsTest {
  private final ProductViews views = new ProductViews();
  private final History<Products.Event, Products.ProductState> product =
      new History<>("products", "p-1", new Products());
  private final History<Inventory.Event, Inventory.InventoryState> stock =
      new History<>("inventory", "p-1", new Inventory());

  @Test
  void shouldShowDefinedProductWithPriceRatingAndStock() {
    ProductView view =
        fold(
            product.then(new Products.ProductDefined("Tea", "drinks", 450, "EUR")),
            product.then(new Products.PriceChanged(500, 450, "EUR")),
            product.then(new Products.ProductRated("c-1", 4, null)),
            product.then(new Products.ProductRated("c-2", 5, null)),
            product.then(new Products.ProductRated("c-1", 2, 4)),
            stock.then(new Inventory.StockReceived(10)),
            stock.then(new Inventory.StockReserved("o-1", 3)),
            stock.then(new Inventory.StockReserved("o-2", 2)),
            stock.then(new Inventory.StockReleased("o-2", 2)),
            stock.then(new Inventory.StockShipped("o-1", 3)));

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
    ProductView view = fold(stock.then(new Inventory.StockReceived(5)));

    assertThat(view.stock()).isEqualTo(new ProductView.Stock(5, 0));
    assertThat(views.exists(view)).isFalse();
  }

  @Test
  void shouldMarkDiscontinuedProduct() {
    ProductView view =
        fold(
            product.then(new Products.ProductDefined("Tea", "drinks", 450, "EUR")),
            product.then(new Products.ProductDiscontinued()));

    assertThat(view.discontinued()).isTrue();
  }

  @Test
  void shouldFilterListByCategory() {
    ProductView view = fold(product.then(new Products.ProductDefined("Tea", "drinks", 450, "EUR")));

    assertThat(views.matches(view, Map.of("category", "drinks"))).isTrue();
    assertThat(views.matches(view, Map.of("category", "kitchen"))).isFalse();
    assertThat(views.matches(view, Map.of())).isTrue();
  }

  private ProductView fold(SourcedEvent... events) {
    ProductView view = null;
    for (SourcedEvent event : events) {
      view = views.evolve(view, event);
    }
    return view;
  }
}
