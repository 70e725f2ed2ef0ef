package io.cairn.topology.views;

import java.util.Optional;

/**
 * Other views, as a view reads them when it answers: a cart shows its products' current names and
 * prices without folding every price change into every cart.
 */
public interface Lookup {

  /** The entry of a view for an id, if it exists. */
  <T> Optional<T> find(Projection<T> view, String id);
}
