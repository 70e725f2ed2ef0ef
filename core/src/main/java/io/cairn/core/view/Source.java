package io.cairn.core.view;

import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.aggregate.AggregateType;
import java.util.Objects;
import java.util.Optional;

/**
 * An aggregate type a view reads, and how each of its events changes the view. The fold receives
 * the type's own event and state types, so its switch over the sealed events is exhaustive and the
 * compiler flags an event it forgot.
 *
 * @param <V> the view
 * @param <E> the aggregate type's events
 * @param <S> the aggregate type's state
 */
public final class Source<V, E, S> {

  /**
   * How an event of the source changes a view.
   *
   * @param <V> the view
   * @param <E> the aggregate type's events
   * @param <S> the aggregate type's state
   */
  @FunctionalInterface
  public interface Fold<V, E, S> {
    /**
     * The view after an event.
     *
     * @param view the view so far: the projection's {@link Projection#initial initial} view before
     *     the key's first event
     * @return the new view; the same view when the event changes nothing
     */
    V evolve(V view, SourcedEvent<E, S> event);
  }

  private final AggregateType<?, E, S> type;
  private final ViewKey<S> key;
  private final Fold<V, E, S> fold;

  private Source(AggregateType<?, E, S> type, ViewKey<S> key, Fold<V, E, S> fold) {
    this.type = Objects.requireNonNull(type, "type");
    this.key = key;
    this.fold = Objects.requireNonNull(fold, "fold");
  }

  /** A source whose events the view files under their aggregate's id. */
  public static <V, E, S> Source<V, E, S> of(AggregateType<?, E, S> type, Fold<V, E, S> fold) {
    return new Source<>(type, null, fold);
  }

  /** A source whose events the view files under another key of their aggregate. */
  public static <V, E, S> Source<V, E, S> keyedBy(
      AggregateType<?, E, S> type, ViewKey<S> key, Fold<V, E, S> fold) {
    return new Source<>(type, Objects.requireNonNull(key, "key"), fold);
  }

  /** The aggregate type read. */
  public AggregateType<?, E, S> type() {
    return type;
  }

  /** The key the events are filed under, when it is not the aggregate's id. */
  public Optional<ViewKey<S>> key() {
    return Optional.ofNullable(key);
  }

  /** The key an aggregate's events are filed under: null when they belong under none. */
  public String keyOf(Aggregate<?> aggregate) {
    return key == null ? aggregate.id() : key.of().apply(typed(aggregate));
  }

  /** The view after an event. */
  public V evolve(V view, SourcedEvent<E, S> event) {
    return fold.evolve(view, event);
  }

  /**
   * The view after an event the engine read off the log, checked to be one of this type's events
   * and states.
   *
   * @throws ClassCastException when the event or the state is not of this aggregate type
   */
  public V evolve(V view, Object event, Aggregate<?> aggregate) {
    return fold.evolve(view, SourcedEvent.of(type, event, aggregate));
  }

  private Aggregate<S> typed(Aggregate<?> aggregate) {
    return new Aggregate<>(
        aggregate.id(),
        aggregate.version(),
        aggregate.createdAt(),
        aggregate.updatedAt(),
        type.state().cast(aggregate.state()));
  }
}
