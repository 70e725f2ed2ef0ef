package io.cairn.core.view;

import java.util.Optional;

/**
 * Other views, as a view reads them when it is shown: a cart shows its products' current names and
 * prices without folding every price change into every cart.
 */
public interface ViewLookup {

  /** The entry of a view for an id, if the entity exists. */
  <T> Optional<T> find(Projection<T> view, String id);
}
