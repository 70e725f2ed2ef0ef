package io.cairn.topology.views;

import java.util.Map;
import java.util.Set;

/**
 * A view, declared once as a pure fold: the aggregate types whose events it reads, and how each
 * event changes it. Registering it gives it its store, its place in the views topology and its
 * rebuild; nothing in it touches Kafka, so it is tested with plain given-events specs.
 *
 * <p>A view is keyed by aggregate id unless it names another {@link ViewKey} for a source; the
 * events of one key from all its sources then meet in one task, repartitioned only where needed.
 *
 * @param <V> the view's record
 */
public interface Projection<V> {

  /** The view's name, in its store's name, its path and the views status ({@code products}). */
  String name();

  /** The aggregate types whose events this view folds. */
  Set<String> sources();

  /** The view's record, which the store keeps as JSON. */
  Class<V> viewType();

  /**
   * The view after an event.
   *
   * @param view the view so far, or null before its key's first event
   * @param event the event, from one of {@link #sources()}, with its aggregate's state after it
   * @return the new view; the same view when the event changes nothing
   */
  V evolve(V view, SourcedEvent event);

  /** The sources whose events this view files under another key than their aggregate id. */
  default Map<String, ViewKey> rekeyed() {
    return Map.of();
  }

  /** Where the store keeps the entry an event under a key changes: the key itself by default. */
  default String storeKey(String key, SourcedEvent event) {
    return key;
  }

  /**
   * Whether a stored view is shown to clients: a view can hold what it learnt from one source
   * before the entity exists (stock received for a product not defined yet), and that is a 404
   * until then.
   */
  default boolean exists(V view) {
    return true;
  }

  /** What clients are shown of a view, completed from other views if it needs them. */
  default Object render(V view, Lookup lookup) {
    return view;
  }

  /** The query parameters that filter a list of this view ({@code category}). */
  default Set<String> filters() {
    return Set.of();
  }

  /** Whether a view passes the filters of a list query, each one of {@link #filters()}. */
  default boolean matches(V view, Map<String, String> filters) {
    return true;
  }
}
