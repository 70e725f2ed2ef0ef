package io.cairn.core.report;

import java.util.Comparator;
import java.util.Objects;

/**
 * How a report ranks the keys of each window, showing only the first few: the ten products with the
 * most revenue over the last hour.
 *
 * @param top how many keys each window shows; 1 to 100
 * @param order the order of the ranks, first the best
 * @param <A> the report's windows' values
 */
public record Ranking<A>(int top, Comparator<A> order) {
  /** Checks the size of the ranking. */
  public Ranking {
    if (top < 1 || top > 100) {
      throw new IllegalArgumentException("a ranking shows 1 to 100 keys, not " + top);
    }
    Objects.requireNonNull(order, "order");
  }
}
