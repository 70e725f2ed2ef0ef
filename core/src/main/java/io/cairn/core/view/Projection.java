package io.cairn.core.view;

import io.cairn.core.aggregate.Aggregate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A view, declared once as a pure fold: the aggregate types whose events it reads, each with how
 * its events change the view. Registering it gives it its store, its place in the views topology,
 * its queries and its rebuild; nothing in it touches Kafka, so it is tested with plain given-events
 * specs.
 *
 * <p>A view is keyed by aggregate id unless a source names another {@link ViewKey}; the events of
 * one key from all its sources then meet in one task, repartitioned only where needed.
 *
 * @param <V> the view's record
 */
public interface Projection<V> {

  /** The view's name: in its store's name, its path and the views status ({@code products}). */
  String name();

  /** The view's record, which the store keeps. */
  Class<V> viewType();

  /** The aggregate types whose events this view folds, each with its fold. */
  List<Source<V, ?, ?>> sources();

  /**
   * The view of a key before its first event: null unless the view starts from something, such as a
   * product known by its id before it is defined.
   */
  default V initial(String key) {
    return null;
  }

  /**
   * Whether a stored view is shown to clients: a view can hold what it learnt from one source
   * before the entity exists (stock received for a product not defined yet), and that is a 404
   * until then.
   */
  default boolean exists(V view) {
    return true;
  }

  /** The record clients are shown: what {@link #render} returns, the view's own by default. */
  default Class<?> shownType() {
    return viewType();
  }

  /** What clients are shown of a view, completed from other views if it needs them. */
  default Object render(V view, ViewLookup views) {
    return view;
  }

  /**
   * The customer an entry belongs to, who may read it with a token of scope {@code cairn:customer}:
   * none by default, so that only readers of every entry ({@code cairn:read}) see a view nobody
   * declared a customer's.
   *
   * @param key the entry's key (for a list of rows, its parent's)
   * @param view the entry; null when there is none, since a customer's own entry may be known by
   *     its key alone
   */
  default Optional<String> customerOf(String key, V view) {
    return Optional.empty();
  }

  /** The query parameters that filter a list of this view ({@code category}). */
  default Set<String> filters() {
    return Set.of();
  }

  /** Whether a view passes the filters of a list query, each one of {@link #filters()}. */
  default boolean matches(V view, Map<String, String> filters) {
    return true;
  }

  /** Where the store keeps the entry an aggregate's event under a key changes: the key itself. */
  default String storeKey(String key, Aggregate<?> aggregate) {
    return key;
  }

  /**
   * An entry after an event of one of the view's sources, as the engine folds it: from the initial
   * view before the key's first event, and unchanged when the fold answers null.
   *
   * @param key the key the event is filed under
   * @param stored the entry stored under the key so far; null before its first event
   * @param aggregateType the type of the event's aggregate
   * @param event the event, as read off the log
   * @param aggregate the aggregate after it
   * @throws IllegalArgumentException when the view does not read that aggregate type
   */
  default V evolve(
      String key, V stored, String aggregateType, Object event, Aggregate<?> aggregate) {
    Source<V, ?, ?> source =
        source(aggregateType)
            .orElseThrow(() -> new IllegalArgumentException(name() + " reads no " + aggregateType));
    V before = stored == null ? initial(key) : stored;
    V after = source.evolve(before, event, aggregate);
    return after == null ? before : after;
  }

  /** The source of an aggregate type, if this view reads it. */
  default Optional<Source<V, ?, ?>> source(String aggregateType) {
    return sources().stream().filter(s -> s.type().name().equals(aggregateType)).findFirst();
  }
}
