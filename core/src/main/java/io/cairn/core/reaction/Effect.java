package io.cairn.core.reaction;

import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.view.SourcedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A side effect outside Kafka, declared once: which events ask for a call to another system (a
 * payment provider, say), and which command records the answer. No Kafka transaction covers such a
 * call, so the engine makes it at least once: the request is written in the transaction that
 * appends its event, the call is retried with backoff until it is answered, and every attempt
 * carries the same idempotency key, so a system that honours the key acts once. The answer is sent
 * as a command whose id derives from the key, so recording it twice appends nothing twice. What
 * cannot be done (a call still failing when the engine gives up, an answer the domain has no
 * command for) is kept in the dead-letter queue, from where it can be tried again.
 *
 * @param <Q> the requests, a sealed interface of records
 * @param <A> the answers, records
 */
public final class Effect<Q, A> {

  /**
   * A call to make.
   *
   * @param key its idempotency key: the same for every attempt of one operation, unique among
   *     operations
   * @param request what to ask
   * @param supersedes the keys of earlier calls of the same aggregate this one makes pointless (a
   *     void, an authorisation still retried): they are no longer retried once it is asked for
   */
  public record Call<Q>(String key, Q request, List<String> supersedes) {
    /** Checks that the key and request are there. */
    public Call {
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("a call has an idempotency key, not a blank");
      }
      Objects.requireNonNull(request, "request");
      supersedes = List.copyOf(supersedes);
    }

    /** A call that supersedes none. */
    public Call(String key, Q request) {
      this(key, request, List.of());
    }

    /** This call, superseding the calls of these keys. */
    public Call<Q> superseding(String... keys) {
      return new Call<>(key, request, List.of(keys));
    }
  }

  /**
   * Which call an event of one aggregate type asks for.
   *
   * @param <E> the aggregate type's events
   * @param <S> its state
   * @param <Q> the effect's requests
   */
  @FunctionalInterface
  public interface Route<E, S, Q> {
    /** The call, or empty when the event asks for none. */
    Optional<Call<Q>> route(SourcedEvent<E, S> event);
  }

  /**
   * The command that records an answer.
   *
   * @param <Q> the effect's requests
   * @param <A> its answers
   */
  @FunctionalInterface
  public interface Recorder<Q, A> {
    /**
     * The command recording the answer to the call; empty for an answer the domain has no command
     * for, which the engine keeps in the dead-letter queue for a person to look at.
     */
    Optional<Send> record(Call<Q> call, A answer);
  }

  /**
   * What makes the calls: the adapter to the other system, given to the engine when the app is
   * wired. An exception means the call may not have been made, or its answer was lost: the engine
   * makes it again, with the same key, after a backoff. An answer, a refusal included, is final.
   *
   * @param <Q> the effect's requests
   * @param <A> its answers
   */
  @FunctionalInterface
  public interface Performer<Q, A> {
    /** Makes the call and returns the other system's answer. */
    A perform(Call<Q> call) throws Exception;
  }

  /**
   * An effect and what performs its calls.
   *
   * @param effect the declaration
   * @param performer the adapter
   */
  public record Bound<Q, A>(Effect<Q, A> effect, Performer<Q, A> performer) {
    /** Checks that both are there. */
    public Bound {
      Objects.requireNonNull(effect, "effect");
      Objects.requireNonNull(performer, "performer");
    }
  }

  private record Source<E, S, Q>(AggregateType<?, E, S> type, Route<E, S, Q> route) {
    Optional<Call<Q>> call(Object event, Aggregate<?> aggregate) {
      return route.route(SourcedEvent.of(type, event, aggregate));
    }
  }

  private final String name;
  private final Class<Q> requests;
  private final Recorder<Q, A> recorder;
  private final Map<String, Source<?, ?, Q>> sources;

  private Effect(Builder<Q, A> builder) {
    this.name = builder.name;
    this.requests = builder.requests;
    this.recorder = builder.recorder;
    this.sources = Map.copyOf(builder.sources);
  }

  /**
   * Starts the declaration of an effect.
   *
   * @param name its name, in topic names and logs
   * @param requests the sealed interface of its requests
   * @param recorder the command each answer is recorded by
   */
  public static <Q, A> Builder<Q, A> named(
      String name, Class<Q> requests, Recorder<Q, A> recorder) {
    Names.check("effect", name);
    if (!requests.isInterface() || !requests.isSealed()) {
      throw new IllegalArgumentException(
          name + ": the requests must be a sealed interface of records, not " + requests);
    }
    return new Builder<>(name, requests, Objects.requireNonNull(recorder, "recorder"));
  }

  /** The effect's name. */
  public String name() {
    return name;
  }

  /** The sealed interface of its requests. */
  public Class<Q> requests() {
    return requests;
  }

  /** The aggregate types whose events ask for calls. */
  public List<AggregateType<?, ?, ?>> sources() {
    return sources.values().stream().<AggregateType<?, ?, ?>>map(Source::type).toList();
  }

  /**
   * The call an appended event asks for, if any.
   *
   * @throws ClassCastException when the event or state is not of the named aggregate type
   */
  public Optional<Call<Q>> call(String aggregateType, Object event, Aggregate<?> aggregate) {
    Source<?, ?, Q> source = sources.get(aggregateType);
    return source == null ? Optional.empty() : source.call(event, aggregate);
  }

  /** The command that records an answer to a call, if the domain has one for it. */
  public Optional<Send> record(Call<Q> call, A answer) {
    return recorder.record(call, answer);
  }

  /** This effect with what performs its calls. */
  public Bound<Q, A> performedBy(Performer<Q, A> performer) {
    return new Bound<>(this, performer);
  }

  /**
   * The declaration of an effect, one aggregate type at a time.
   *
   * @param <Q> its requests
   * @param <A> its answers
   */
  public static final class Builder<Q, A> {
    private final String name;
    private final Class<Q> requests;
    private final Recorder<Q, A> recorder;
    private final Map<String, Source<?, ?, Q>> sources = new LinkedHashMap<>();

    private Builder(String name, Class<Q> requests, Recorder<Q, A> recorder) {
      this.name = name;
      this.requests = requests;
      this.recorder = recorder;
    }

    /** Which calls the events of an aggregate type ask for. */
    public <E, S> Builder<Q, A> on(AggregateType<?, E, S> type, Route<E, S, Q> route) {
      Objects.requireNonNull(route, "route");
      if (sources.putIfAbsent(type.name(), new Source<>(type, route)) != null) {
        throw new IllegalArgumentException(name + " hears " + type.name() + " twice");
      }
      return this;
    }

    /** The effect; it hears at least one aggregate type. */
    public Effect<Q, A> build() {
      if (sources.isEmpty()) {
        throw new IllegalArgumentException(name + " hears no aggregate type");
      }
      return new Effect<>(this);
    }
  }
}
