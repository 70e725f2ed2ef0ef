package io.cairn.engine.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each view or process manager last took in an event or input, and how long that had waited:
 * noted by the stream threads as they go, read by the {@link SyncMonitor}'s probes.
 */
public final class Progress {
  private final Clock clock;
  private final Map<String, Latest> latest = new ConcurrentHashMap<>();

  /** Progress timed on this clock. */
  public Progress(Clock clock) {
    this.clock = clock;
  }

  /**
   * One took in something that happened at the given instant, now.
   *
   * @return how long it had waited; never negative, whatever the writer's clock said
   */
  public Duration note(String name, Instant happenedAt) {
    Instant now = clock.instant();
    Duration waited = Duration.between(happenedAt, now);
    Latest noted = new Latest(now, waited.isNegative() ? Duration.ZERO : waited);
    latest.put(name, noted);
    return noted.lag();
  }

  /** When one last took something in, and its wait; empty if it has taken in nothing. */
  public Optional<Latest> latest(String name) {
    return Optional.ofNullable(latest.get(name));
  }

  /**
   * One's latest intake.
   *
   * @param at when it took it in
   * @param lag how long it had waited
   */
  public record Latest(Instant at, Duration lag) {}
}
