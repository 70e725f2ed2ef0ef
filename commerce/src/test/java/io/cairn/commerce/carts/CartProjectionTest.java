package io.cairn.commerce.carts;

import static io.cairn.commerce.products.Catalogue.product;
import static io.cairn.commerce.products.Catalogue.products;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.products.ProductProjection;
import io.cairn.core.testing.AggregateHistory;
import io.cairn.core.testing.ProjectionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cart view: given a cart's events, then the cart shown with its products. */
class CartProjectionTest {
  private final CartProjection views = new CartProjection(new ProductProjection());
  private final AggregateHistory<Carts.Event, Carts.CartState> cart =
      new AggregateHistory<>(Carts.TYPE, "c-1");

  @Test
  void shouldShowLinesWithCurrentNamesPricesAndTotals() {
    CartView view =
        ProjectionSpec.of(views)
            .given(
                cart.then(new Carts.ItemAdded("p-1", 2)),
                cart.then(new Carts.ItemAdded("p-2", 1)),
                cart.then(new Carts.ItemAdded("p-1", 1)))
            .view("c-1");

    CartView.Shown shown =
        views.render(
            view, products(product("p-1", "Tea", 450, "EUR"), product("p-2", "Mug", 900, "EUR")));

    assertThat(shown.status()).isEqualTo(Carts.CartStatus.OPEN);
    assertThat(shown.lines())
        .containsExactly(
            new CartView.Line("p-1", "Tea", 3, 450L, "EUR", 1350L, false),
            new CartView.Line("p-2", "Mug", 1, 900L, "EUR", 900L, false));
    assertThat(shown.totalMinor()).isEqualTo(2250);
    assertThat(shown.currency()).isEqualTo("EUR");
  }

  @Test
  void shouldShowCheckedOutCartWithoutRemovedLine() {
    CartView view =
        ProjectionSpec.of(views)
            .given(
                cart.then(new Carts.ItemAdded("p-1", 2)),
                cart.then(new Carts.ItemAdded("p-2", 1)),
                cart.then(new Carts.ItemRemoved("p-2")),
                cart.then(
                    new Carts.CartCheckedOut(
                        "cu-1", List.of(new Carts.CartLine("p-1", 2)), "tok_ok")))
            .view("c-1");

    CartView.Shown shown = views.render(view, products(product("p-1", "Tea", 450, "EUR")));

    assertThat(shown.status()).isEqualTo(Carts.CartStatus.CHECKED_OUT);
    assertThat(shown.customerId()).isEqualTo("cu-1");
    assertThat(shown.lines()).extracting(CartView.Line::productId).containsExactly("p-1");
    assertThat(shown.totalMinor()).isEqualTo(900);
  }

  @Test
  void shouldLeaveLineOfUnknownProductUnpricedAndOutOfTotal() {
    CartView view =
        ProjectionSpec.of(views)
            .given(
                cart.then(new Carts.ItemAdded("p-1", 1)),
                cart.then(new Carts.ItemAdded("ghost", 4)))
            .view("c-1");

    CartView.Shown shown = views.render(view, products(product("p-1", "Tea", 450, "EUR")));

    assertThat(shown.lines().get(1))
        .isEqualTo(new CartView.Line("ghost", null, 4, null, null, null, false));
    assertThat(shown.totalMinor()).isEqualTo(450);
  }

  @Test
  void shouldShowNoTotalWhenLinesAreInSeveralCurrencies() {
    CartView view =
        ProjectionSpec.of(views)
            .given(
                cart.then(new Carts.ItemAdded("p-1", 1)), cart.then(new Carts.ItemAdded("p-2", 1)))
            .view("c-1");

    CartView.Shown shown =
        views.render(
            view, products(product("p-1", "Tea", 450, "EUR"), product("p-2", "Mug", 900, "USD")));

    assertThat(shown.totalMinor()).isNull();
    assertThat(shown.currency()).isNull();
    assertThat(shown.lines()).extracting(CartView.Line::lineTotalMinor).containsExactly(450L, 900L);
  }
}
