package io.cairn.commerce.products;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.inventory.Inventory;
import io.cairn.core.testing.AggregateHistory;
import io.cairn.core.testing.ProjectionSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The product view's fold: given events from both sources, then the view. */
class ProductProjectionTest {
  private final ProductProjection views = new ProductProjection();
  private final AggregateHistory<Products.Event, Products.ProductState> product =
      new AggregateHistory<>(Products.TYPE, "p-1");
  private final AggregateHistory<Inventory.Event, Inventory.InventoryState> stock =
      new AggregateHistory<>(Inventory.TYPE, "p-1");

  @Test
  void shouldShowDefinedProductWithPriceRatingAndStock() {
    ProductView view =
        ProjectionSpec.of(views)
            .given(
                product.then(new Products.ProductDefined("Tea", "drinks", 450, "EUR")),
                product.then(new Products.PriceChanged(500, 450, "EUR")),
                product.then(new Products.RatingGiven("c-1", 4)),
                product.then(new Products.RatingGiven("c-2", 5)),
                product.then(new Products.RatingRevised("c-1", 2, 4)),
                stock.then(new Inventory.StockReceived(10)),
                stock.then(new Inventory.StockReserved("o-1", 3)),
                stock.then(new Inventory.StockReserved("o-2", 2)),
                stock.then(new Inventory.StockReleased("o-2", 2)),
                stock.then(new Inventory.StockShipped("o-1", 3)))
            .view("p-1");

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
    ProductView view =
        ProjectionSpec.of(views).given(stock.then(new Inventory.StockReceived(5))).view("p-1");

    assertThat(view.stock()).isEqualTo(new ProductView.Stock(5, 0));
    assertThat(views.exists(view)).isFalse();
  }

  @Test
  void shouldMarkDiscontinuedProduct() {
    ProductView view =
        ProjectionSpec.of(views)
            .given(
                product.then(new Products.ProductDefined("Tea", "drinks", 450, "EUR")),
                product.then(new Products.ProductDiscontinued()))
            .view("p-1");

    assertThat(view.discontinued()).isTrue();
  }

  @Test
  void shouldFilterListByCategory() {
    ProductView view =
        ProjectionSpec.of(views)
            .given(product.then(new Products.ProductDefined("Tea", "drinks", 450, "EUR")))
            .view("p-1");

    assertThat(views.matches(view, Map.of("category", "drinks"))).isTrue();
    assertThat(views.matches(view, Map.of("category", "kitchen"))).isFalse();
    assertThat(views.matches(view, Map.of())).isTrue();
  }
}
