package io.cairn.core.report;

import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.view.SourcedEvent;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A windowed report over the event log, declared once as pure functions: what each event of its
 * sources adds, under which key, and how a window adds those up. The engine cuts time by each
 * event's own time ({@code occurredAt}) into the report's windows and keeps every key's windows;
 * nothing in it touches Kafka, so it is specified with plain given-events tests.
 *
 * @param <D> what one event adds to a window (a record)
 * @param <A> a window's value (a record whose components are the report's measures)
 */
public final class Report<D, A> {
  /** The key of a report that has one: a whole shop's funnel, say. */
  public static final String ALL = "all";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  /**
   * What an event of one aggregate type adds to the report.
   *
   * @param <D> the report's deltas
   * @param <E> the aggregate type's events
   * @param <S> its state
   */
  @FunctionalInterface
  public interface Contribution<D, E, S> {
    /** What the event adds, under which keys; none when it changes nothing. */
    List<Keyed<D>> of(SourcedEvent<E, S> event);
  }

  /**
   * How a window adds up its deltas.
   *
   * @param <A> the window's value
   * @param <D> the deltas
   */
  @FunctionalInterface
  public interface Fold<A, D> {
    /** The window after one more delta. */
    A add(A window, D delta);
  }

  private final String name;
  private final String description;
  private final String key;
  private final Windowing windowing;
  private final Class<D> deltas;
  private final Class<A> windows;
  private final A empty;
  private final Fold<A, D> fold;
  private final Function<A, ?> shown;
  private final Class<?> shownType;
  private final Map<String, Source<D>> sources;
  private final Ranking<A> ranking;

  private Report(Builder<D, A> builder) {
    this.name = builder.name;
    this.description = Objects.requireNonNull(builder.description, "description");
    this.key = Objects.requireNonNull(builder.key, "key");
    this.windowing = Objects.requireNonNull(builder.windowing, "windowing");
    this.deltas = builder.deltas;
    this.windows = builder.windows;
    this.empty = Objects.requireNonNull(builder.empty, "empty");
    this.fold = Objects.requireNonNull(builder.fold, "fold");
    this.shown = builder.shown;
    this.shownType = builder.shownType == null ? windows : builder.shownType;
    this.sources = Map.copyOf(builder.sources);
    this.ranking = builder.ranking;
  }

  /**
   * Starts the declaration of a report.
   *
   * @param name its name, in URLs, topic and store names
   * @param deltas the record of what one event adds
   * @param windows the record of a window's value, whose components are the measures
   */
  public static <D, A> Builder<D, A> named(String name, Class<D> deltas, Class<A> windows) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a report's name is lower-case letters, digits and dashes, not '" + name + "'");
    }
    if (!deltas.isRecord() || !windows.isRecord()) {
      throw new IllegalArgumentException(name + ": deltas and windows are records");
    }
    return new Builder<>(name, deltas, windows);
  }

  /** The report's name. */
  public String name() {
    return name;
  }

  /** What it tells an analyst, in a sentence. */
  public String description() {
    return description;
  }

  /** What its key is ({@code productId}), or {@link #ALL} for a report of one key. */
  public String key() {
    return key;
  }

  /** How it cuts time. */
  public Windowing windowing() {
    return windowing;
  }

  /** The record of what one event adds. */
  public Class<D> deltas() {
    return deltas;
  }

  /** The record of a window's value. */
  public Class<A> windows() {
    return windows;
  }

  /** The measures a window shows: the components of what analysts see of it. */
  public List<String> measures() {
    return Arrays.stream(shownType.getRecordComponents()).map(c -> c.getName()).toList();
  }

  /** The aggregate types whose events it reads. */
  public List<AggregateType<?, ?, ?>> sources() {
    return sources.values().stream().<AggregateType<?, ?, ?>>map(Source::type).toList();
  }

  /** How it ranks each window's keys, if it shows only the first few. */
  public Optional<Ranking<A>> ranking() {
    return Optional.ofNullable(ranking);
  }

  /** A window before its first delta. */
  public A empty() {
    return empty;
  }

  /** A window after one more delta. */
  public A add(A window, D delta) {
    return fold.add(window, delta);
  }

  /** The record a window is shown as: the window's own, or what {@code shownAs} names. */
  public Class<?> shownType() {
    return shownType;
  }

  /** A window as analysts see it: its value, or what the report makes of it (a top ten). */
  public Object render(A window) {
    return shown == null ? window : shown.apply(window);
  }

  /**
   * What an event the engine read off the log adds, when its type's contributions need no memory;
   * none if the report does not read its type.
   *
   * @throws ClassCastException when the event or state is not of the named aggregate type
   */
  public List<Keyed<D>> contributions(String aggregateType, Object event, Aggregate<?> aggregate) {
    return switch (sources.get(aggregateType)) {
      case null -> List.of();
      case Contributed<D, ?, ?> contributed -> contributed.of(event, aggregate);
      case TrackedSource<D, ?, ?, ?> tracked -> List.of();
    };
  }

  /** How the events of an aggregate type are tracked, if the report tracks them. */
  public Optional<Tracked<D>> tracked(String aggregateType) {
    return switch (sources.get(aggregateType)) {
      case null -> Optional.empty();
      case Contributed<D, ?, ?> contributed -> Optional.empty();
      case TrackedSource<D, ?, ?, ?> tracked -> Optional.of(tracked);
    };
  }

  /**
   * A tracked aggregate type, as the engine drives it: events and memories it read off the log.
   *
   * @param <D> the report's deltas
   */
  public sealed interface Tracked<D> permits TrackedSource {
    /** The record it remembers of each aggregate. */
    Class<?> memory();

    /**
     * The step an event takes.
     *
     * @param memory what was remembered of the aggregate, null when nothing
     * @throws ClassCastException when the memory, event or state is not of the tracked types
     */
    Tracking.Step<?, D> step(Object memory, Object event, Aggregate<?> aggregate);

    /** How long without an event ends an aggregate's memory, if it ever does. */
    Optional<Duration> idle();

    /** What a memory adds as it ends for idleness. */
    List<Keyed<D>> ended(Object memory);
  }

  private sealed interface Source<D> permits Contributed, TrackedSource {
    AggregateType<?, ?, ?> type();
  }

  private record Contributed<D, E, S>(
      AggregateType<?, E, S> type, Contribution<D, E, S> contribution) implements Source<D> {
    List<Keyed<D>> of(Object event, Aggregate<?> aggregate) {
      return List.copyOf(contribution.of(SourcedEvent.of(type, event, aggregate)));
    }
  }

  private record TrackedSource<D, M, E, S>(
      AggregateType<?, E, S> type, Tracking<M, D, E, S> tracking) implements Source<D>, Tracked<D> {
    @Override
    public Class<?> memory() {
      return tracking.memory();
    }

    @Override
    public Tracking.Step<?, D> step(Object memory, Object event, Aggregate<?> aggregate) {
      return tracking.on(tracking.memory().cast(memory), SourcedEvent.of(type, event, aggregate));
    }

    @Override
    public Optional<Duration> idle() {
      return tracking.idle();
    }

    @Override
    public List<Keyed<D>> ended(Object memory) {
      return tracking.ended(tracking.memory().cast(memory));
    }
  }

  /**
   * The declaration of a report.
   *
   * @param <D> its deltas
   * @param <A> its windows' values
   */
  public static final class Builder<D, A> {
    private final String name;
    private final Class<D> deltas;
    private final Class<A> windows;
    private final Map<String, Source<D>> sources = new LinkedHashMap<>();
    private Ranking<A> ranking;
    private String description;
    private String key;
    private Windowing windowing;
    private A empty;
    private Fold<A, D> fold;
    private Function<A, ?> shown;
    private Class<?> shownType;

    private Builder(String name, Class<D> deltas, Class<A> windows) {
      this.name = name;
      this.deltas = deltas;
      this.windows = windows;
    }

    /** What the report tells an analyst, in a sentence. */
    public Builder<D, A> describedAs(String description) {
      this.description = description;
      return this;
    }

    /** Its key's name and windows: per product and hour, say. */
    public Builder<D, A> per(String key, Windowing windowing) {
      this.key = key;
      this.windowing = windowing;
      return this;
    }

    /** What an event of an aggregate type adds. */
    public <E, S> Builder<D, A> on(AggregateType<?, E, S> type, Contribution<D, E, S> adds) {
      return source(new Contributed<>(type, Objects.requireNonNull(adds, "contribution")));
    }

    /** What the events of an aggregate type add, remembering what each aggregate's did before. */
    public <M, E, S> Builder<D, A> tracking(
        AggregateType<?, E, S> type, Tracking<M, D, E, S> tracking) {
      return source(new TrackedSource<>(type, Objects.requireNonNull(tracking, "tracking")));
    }

    private Builder<D, A> source(Source<D> source) {
      if (sources.putIfAbsent(source.type().name(), source) != null) {
        throw new IllegalArgumentException(name + " reads " + source.type().name() + " twice");
      }
      return this;
    }

    /** Shows only the first keys of each window, in this order: a top ten. */
    public Builder<D, A> ranked(int top, Comparator<A> order) {
      this.ranking = new Ranking<>(top, order);
      return this;
    }

    /** A window before its first delta, and how it adds them up. */
    public Builder<D, A> folding(A empty, Fold<A, D> fold) {
      this.empty = empty;
      this.fold = fold;
      return this;
    }

    /**
     * What analysts see of a window, when it is not the window's value itself.
     *
     * @param type the record they see, whose components are the measures
     */
    public <T> Builder<D, A> shownAs(Class<T> type, Function<A, T> shown) {
      if (!type.isRecord()) {
        throw new IllegalArgumentException(name + ": what a window is shown as is a record");
      }
      this.shownType = type;
      this.shown = shown;
      return this;
    }

    /** The report; it reads at least one aggregate type. */
    public Report<D, A> build() {
      if (sources.isEmpty()) {
        throw new IllegalArgumentException(name + " reads no aggregate type");
      }
      return new Report<>(this);
    }
  }
}
