package io.cairn.topology.views;

import java.util.Set;

/**
 * A view, declared once as a pure fold: the aggregate types whose events it reads, and how each
 * event changes it. Registering it gives it its store, its place in the views topology and its
 * rebuild; nothing in it touches Kafka, so it is tested with plain given-events specs.
 *
 * <p>A view is keyed by aggregate id, and every source type's topics have the same partition count,
 * so the events of one key from all its sources meet in one task without a repartition.
 *
 * @param <V> the view's record
 */
public interface Projection<V> {

  /** The view's name, in its store's name and in the views status ({@code products}). */
  String name();

  /** The aggregate types whose events this view folds. */
  Set<String> sources();

  /** The view's record, which the store keeps as JSON. */
  Class<V> viewType();

  /**
   * The view after an event.
   *
   * @param view the view so far, or null before its key's first event
   * @param event the event, from one of {@link #sources()}
   * @return the new view; the same view when the event changes nothing
   */
  V evolve(V view, SourcedEvent event);

  /**
   * Whether a stored view is shown to clients: a view can hold what it learnt from one source
   * before the entity exists (stock received for a product not defined yet), and that is a 404
   * until then.
   */
  default boolean exists(V view) {
    return true;
  }
}
