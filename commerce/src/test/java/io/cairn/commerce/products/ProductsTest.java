package io.cairn.commerce.products;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.products.Products.ChangePrice;
import io.cairn.commerce.products.Products.DefineProduct;
import io.cairn.commerce.products.Products.DiscontinueProduct;
import io.cairn.commerce.products.Products.PriceChanged;
import io.cairn.commerce.products.Products.ProductDefined;
import io.cairn.commerce.products.Products.ProductDiscontinued;
import io.cairn.commerce.products.Products.ProductQuoted;
import io.cairn.commerce.products.Products.ProductRated;
import io.cairn.commerce.products.Products.QuoteProduct;
import io.cairn.commerce.products.Products.RateProduct;
import io.cairn.commerce.products.Products.Rating;
import io.cairn.commerce.products.Products.RatingGiven;
import io.cairn.commerce.products.Products.RatingRevised;
import io.cairn.core.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

class ProductsTest {
  private static final ProductDefined DEFINED = new ProductDefined("Tea", "drinks", 450, "EUR");
  private final DeciderSpec<Products.Command, Products.Event, Products.ProductState> product =
      DeciderSpec.of(new Products());

  @Test
  void shouldDefineProduct() {
    product.when(new DefineProduct("Tea", "drinks", 450, "EUR")).thenEvents(DEFINED);
  }

  @Test
  void shouldRejectDefineProductWhenAlreadyDefined() {
    product
        .given(DEFINED)
        .when(new DefineProduct("Tea", "drinks", 450, "EUR"))
        .thenRejected("already_defined");
  }

  @Test
  void shouldChangePriceRecordingThePreviousOne() {
    product.given(DEFINED).when(new ChangePrice(500)).thenEvents(new PriceChanged(500, 450, "EUR"));
  }

  @Test
  void shouldChangeNothingWhenPriceIsTheSame() {
    product.given(DEFINED).when(new ChangePrice(450)).thenUnchanged();
  }

  @Test
  void shouldRejectEveryCommandButDefineWhenProductNotFound() {
    product.when(new ChangePrice(500)).thenRejected("product_not_found");
    product.when(new RateProduct("c1", 4)).thenRejected("product_not_found");
    product.when(new DiscontinueProduct()).thenRejected("product_not_found");
  }

  @Test
  void shouldRejectChangePriceWhenProductDiscontinued() {
    product
        .given(DEFINED, new ProductDiscontinued())
        .when(new ChangePrice(500))
        .thenRejected("product_discontinued");
  }

  @Test
  void shouldRejectNegativePrice() {
    product.given(DEFINED).when(new ChangePrice(-1)).thenRejected("invalid_price");
  }

  @Test
  void shouldGiveACustomersFirstRatingAndReviseItLater() {
    product.given(DEFINED).when(new RateProduct("c1", 2)).thenEvents(new RatingGiven("c1", 2));
    var rated = product.given(DEFINED, new RatingGiven("c1", 2));

    rated.when(new RateProduct("c1", 5)).thenEvents(new RatingRevised("c1", 5, 2));
    rated.when(new RateProduct("c1", 2)).thenUnchanged();
    assertThat(
            rated.given(new RatingRevised("c1", 5, 2), new RatingGiven("c2", 3)).state().ratings())
        .containsExactly(new Rating("c1", 5), new Rating("c2", 3));
  }

  @Test
  void shouldReadARatingLoggedBeforeV2AsTheEventItMeansNow() {
    assertThat(Products.TYPE.current(new ProductRated("c1", 4, null)))
        .isEqualTo(new RatingGiven("c1", 4));
    assertThat(Products.TYPE.current(new ProductRated("c1", 5, 4)))
        .isEqualTo(new RatingRevised("c1", 5, 4));
    assertThat(Products.TYPE.current(new ProductDiscontinued()))
        .isEqualTo(new ProductDiscontinued());
  }

  @Test
  void shouldRejectRatingOutsideOneToFiveStars() {
    product.given(DEFINED).when(new RateProduct("c1", 0)).thenRejected("invalid_rating");
    product.given(DEFINED).when(new RateProduct("c1", 6)).thenRejected("invalid_rating");
  }

  @Test
  void shouldDiscontinueOnce() {
    product.given(DEFINED).when(new DiscontinueProduct()).thenEvents(new ProductDiscontinued());
    product
        .given(DEFINED, new ProductDiscontinued())
        .when(new DiscontinueProduct())
        .thenUnchanged();
  }

  @Test
  void shouldQuoteTheCurrentPriceForAnOrderUnlessDiscontinued() {
    product
        .given(DEFINED, new PriceChanged(1_250, 999, "EUR"))
        .when(new QuoteProduct("o1"))
        .thenEvents(new ProductQuoted("o1", 1_250, "EUR"));
    product
        .given(DEFINED, new ProductDiscontinued())
        .when(new QuoteProduct("o1"))
        .thenRejected("product_discontinued");
    product.when(new QuoteProduct("o1")).thenRejected("product_not_found");
  }
}
