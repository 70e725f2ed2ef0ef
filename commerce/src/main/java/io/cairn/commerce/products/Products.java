package io.cairn.commerce.products;

import static io.cairn.core.aggregate.Decision.accept;
import static io.cairn.core.aggregate.Decision.reject;
import static io.cairn.core.aggregate.Decision.unchanged;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.aggregate.Decider;
import io.cairn.core.aggregate.Decision;
import java.util.ArrayList;
import java.util.List;

/**
 * A product of the catalogue: defined once, priced, rated by customers, and one day discontinued.
 */
public final class Products
    implements Decider<Products.Command, Products.Event, Products.ProductState> {

  /** The products of the catalogue, keyed by product id. */
  public static final AggregateType<Command, Event, ProductState> TYPE =
      new AggregateType<>(
              "products", new Products(), Command.class, Event.class, ProductState.class)
          .withUpcaster(Legacy.class, Products::upcast);

  /** What a product is asked to do. */
  public sealed interface Command
      permits DefineProduct, ChangePrice, RateProduct, DiscontinueProduct, QuoteProduct {}

  /** Define the product. */
  public record DefineProduct(String name, String category, long priceMinor, String currency)
      implements Command {}

  /** Change the unit price, in minor units of the product's currency. */
  public record ChangePrice(long priceMinor) implements Command {}

  /** Rate the product; a customer's new rating replaces their earlier one. */
  public record RateProduct(String customerId, int stars) implements Command {}

  /** Take the product off sale for good. */
  public record DiscontinueProduct() implements Command {}

  /**
   * Quote the unit price an order's line is charged, as the product is priced now; a product off
   * sale quotes none.
   *
   * @param orderId the order being priced
   */
  public record QuoteProduct(String orderId) implements Command {}

  /** What happened to a product. */
  public sealed interface Event
      permits ProductDefined,
          PriceChanged,
          RatingGiven,
          RatingRevised,
          ProductDiscontinued,
          ProductQuoted {}

  /** The product was defined. */
  public record ProductDefined(String name, String category, long priceMinor, String currency)
      implements Event {}

  /** The unit price changed. */
  public record PriceChanged(long priceMinor, long previousPriceMinor, String currency)
      implements Event {}

  /** A customer rated the product for the first time. */
  public record RatingGiven(String customerId, int stars) implements Event {}

  /** A customer replaced their rating of the product. */
  public record RatingRevised(String customerId, int stars, int previousStars) implements Event {}

  /** The product was taken off sale. */
  public record ProductDiscontinued() implements Event {}

  /**
   * The product's unit price was quoted for an order: the price the order's line is charged.
   *
   * @param orderId the order
   * @param priceMinor the unit price, in minor units
   * @param currency its ISO 4217 code
   */
  public record ProductQuoted(String orderId, long priceMinor, String currency) implements Event {}

  /**
   * What the catalogue appended before v2 of its events and no longer does: the log still holds
   * them, and each is read as the event it means now ({@link #upcast}).
   */
  public sealed interface Legacy permits ProductRated {}

  /**
   * A customer rated the product, before v2: a first rating when it replaced none, a revised one
   * when it did. Ratings are now told apart by type, so views need not inspect a nullable field.
   */
  public record ProductRated(String customerId, int stars, Integer previousStars)
      implements Legacy {}

  /** The event a legacy record means now. */
  static Event upcast(Legacy legacy) {
    return switch (legacy) {
      case ProductRated rated ->
          rated.previousStars() == null
              ? new RatingGiven(rated.customerId(), rated.stars())
              : new RatingRevised(rated.customerId(), rated.stars(), rated.previousStars());
    };
  }

  /** One customer's current rating. */
  public record Rating(String customerId, int stars) {}

  /** A defined product; {@code null} before DefineProduct. */
  public record ProductState(
      String name,
      String category,
      long priceMinor,
      String currency,
      boolean discontinued,
      List<Rating> ratings) {}

  @Override
  public ProductState initialState() {
    return null;
  }

  @Override
  public Decision<Event> decide(Command command, ProductState product) {
    if (product == null && !(command instanceof DefineProduct)) {
      return reject("product_not_found", "There is no such product.");
    }
    return switch (command) {
      case DefineProduct define ->
          product != null
              ? reject("already_defined", "The product is already defined.")
              : accept(
                  new ProductDefined(
                      define.name(), define.category(), define.priceMinor(), define.currency()));
      case ChangePrice change -> changePrice(change, product);
      case RateProduct rate -> rate(rate, product);
      case DiscontinueProduct discontinue ->
          product.discontinued() ? unchanged() : accept(new ProductDiscontinued());
      case QuoteProduct quote ->
          product.discontinued()
              ? reject("product_discontinued", "A discontinued product is not sold.")
              : accept(
                  new ProductQuoted(quote.orderId(), product.priceMinor(), product.currency()));
    };
  }

  private static Decision<Event> changePrice(ChangePrice change, ProductState product) {
    if (product.discontinued()) {
      return reject("product_discontinued", "A discontinued product's price cannot change.");
    }
    if (change.priceMinor() < 0) {
      return reject("invalid_price", "A price is not negative.");
    }
    if (change.priceMinor() == product.priceMinor()) {
      return unchanged();
    }
    return accept(new PriceChanged(change.priceMinor(), product.priceMinor(), product.currency()));
  }

  private static Decision<Event> rate(RateProduct rate, ProductState product) {
    if (rate.stars() < 1 || rate.stars() > 5) {
      return reject("invalid_rating", "A rating is from 1 to 5 stars.");
    }
    Integer previous =
        product.ratings().stream()
            .filter(r -> r.customerId().equals(rate.customerId()))
            .map(Rating::stars)
            .findFirst()
            .orElse(null);
    if (previous != null && previous == rate.stars()) {
      return unchanged();
    }
    return accept(
        previous == null
            ? new RatingGiven(rate.customerId(), rate.stars())
            : new RatingRevised(rate.customerId(), rate.stars(), previous));
  }

  @Override
  public ProductState evolve(ProductState product, Event event) {
    return switch (event) {
      case ProductDefined defined ->
          new ProductState(
              defined.name(),
              defined.category(),
              defined.priceMinor(),
              defined.currency(),
              false,
              List.of());
      case PriceChanged changed ->
          new ProductState(
              product.name(),
              product.category(),
              changed.priceMinor(),
              product.currency(),
              product.discontinued(),
              product.ratings());
      case RatingGiven given -> withRating(product, given.customerId(), given.stars());
      case RatingRevised revised -> withRating(product, revised.customerId(), revised.stars());
      case ProductQuoted quoted -> product;
      case ProductDiscontinued discontinued ->
          new ProductState(
              product.name(),
              product.category(),
              product.priceMinor(),
              product.currency(),
              true,
              product.ratings());
    };
  }

  /** The product with a customer's rating, replacing theirs, or after the others' if new. */
  private static ProductState withRating(ProductState product, String customerId, int stars) {
    List<Rating> ratings = new ArrayList<>();
    boolean replaced = false;
    for (Rating rating : product.ratings()) {
      boolean same = rating.customerId().equals(customerId);
      ratings.add(same ? new Rating(customerId, stars) : rating);
      replaced |= same;
    }
    if (!replaced) {
      ratings.add(new Rating(customerId, stars));
    }
    return new ProductState(
        product.name(),
        product.category(),
        product.priceMinor(),
        product.currency(),
        product.discontinued(),
        List.copyOf(ratings));
  }
}
