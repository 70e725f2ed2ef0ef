package io.cairn.core.report;

import io.cairn.core.view.SourcedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an aggregate's events add to a report when that depends on what its earlier events did: a
 * product's stock-out lasts from the event that emptied it to the one that refilled it; a cart's
 * session ends once the cart has been idle for a while. The engine keeps each aggregate's memory
 * between its events, as pure data, and tells a tracking that ends on idleness when it ends.
 *
 * @param <M> what it remembers of one aggregate (a record)
 * @param <D> the report's deltas
 * @param <E> the aggregate type's events
 * @param <S> its state
 */
public final class Tracking<M, D, E, S> {

  /**
   * What one event does to the memory of its aggregate and what it adds to the report.
   *
   * @param <M> the memory
   * @param <D> the report's deltas
   * @param <E> the events
   * @param <S> the state
   */
  @FunctionalInterface
  public interface Track<M, D, E, S> {
    /**
     * The step an event takes.
     *
     * @param memory what was remembered of its aggregate; null before its first event, or after the
     *     last step forgot it
     */
    Step<M, D> on(M memory, SourcedEvent<E, S> event);
  }

  /**
   * What an aggregate that has been idle long enough adds when its memory ends.
   *
   * @param <M> the memory
   * @param <D> the report's deltas
   */
  @FunctionalInterface
  public interface Ending<M, D> {
    /** What the memory adds as it ends. */
    List<Keyed<D>> of(M memory);
  }

  /**
   * The memory after an event, and what the event adds.
   *
   * @param memory what is remembered from now on; null to forget the aggregate
   * @param adds what the event adds, under which keys
   * @param <M> the memory
   * @param <D> the report's deltas
   */
  public record Step<M, D>(M memory, List<Keyed<D>> adds) {
    /** Copies what it adds. */
    public Step {
      adds = List.copyOf(adds);
    }

    /** Remembers this, adding these. */
    @SafeVarargs
    public static <M, D> Step<M, D> remember(M memory, Keyed<D>... adds) {
      return new Step<>(Objects.requireNonNull(memory, "memory"), List.of(adds));
    }

    /** Forgets the aggregate, adding these. */
    @SafeVarargs
    public static <M, D> Step<M, D> forget(Keyed<D>... adds) {
      return new Step<>(null, List.of(adds));
    }
  }

  private final Class<M> memory;
  private final Track<M, D, E, S> track;
  private final Duration idle;
  private final Ending<M, D> ending;

  private Tracking(Class<M> memory, Track<M, D, E, S> track, Duration idle, Ending<M, D> ending) {
    if (!memory.isRecord()) {
      throw new IllegalArgumentException("a tracking's memory is a record, not " + memory);
    }
    this.memory = memory;
    this.track = Objects.requireNonNull(track, "track");
    this.idle = idle;
    this.ending = ending;
  }

  /** A tracking that remembers records of this type for each aggregate, as long as its steps do. */
  public static <M, D, E, S> Tracking<M, D, E, S> of(Class<M> memory, Track<M, D, E, S> track) {
    return new Tracking<>(memory, track, null, null);
  }

  /**
   * This tracking, with each aggregate's memory ending once the aggregate has had no event for a
   * while, by its events' time: a session's end.
   *
   * @param idle how long without an event ends the memory; positive
   * @param ending what an ending memory adds, at the time it ends (its last event, plus idle)
   */
  public Tracking<M, D, E, S> endingAfter(Duration idle, Ending<M, D> ending) {
    if (idle == null || idle.isNegative() || idle.isZero()) {
      throw new IllegalArgumentException("an idle time is positive, not " + idle);
    }
    return new Tracking<>(memory, track, idle, Objects.requireNonNull(ending, "ending"));
  }

  /** The record it remembers. */
  public Class<M> memory() {
    return memory;
  }

  /** The step an event takes, given what was remembered (null when nothing was). */
  public Step<M, D> on(M remembered, SourcedEvent<E, S> event) {
    return track.on(remembered, event);
  }

  /** How long without an event ends an aggregate's memory, if it ever does. */
  public Optional<Duration> idle() {
    return Optional.ofNullable(idle);
  }

  /** What a memory adds as it ends for idleness. */
  public List<Keyed<D>> ended(M remembered) {
    return ending == null ? List.of() : List.copyOf(ending.of(remembered));
  }
}
