package io.cairn.web.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: each may send {@code perSecond} requests a second, and a second's
 * worth at once. A client that sent nothing for a while has a full bucket, so the buckets of idle
 * clients are dropped when there are many, and come back full.
 */
final class RateLimiter {
  private static final int MAX_CLIENTS = 50_000;
  private static final double NANOS_PER_SECOND = 1e9;

  private final double perSecond;
  private final LongSupplier nanos;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(int perSecond, LongSupplier nanos) {
    this.perSecond = perSecond;
    this.nanos = nanos;
  }

  /** Takes a request of the client's: empty when it may go, else how long until it may. */
  Optional<Duration> take(String client) {
    if (buckets.size() > MAX_CLIENTS) {
      long now = nanos.getAsLong();
      buckets.values().removeIf(bucket -> bucket.full(now));
    }
    return buckets
        .computeIfAbsent(client, key -> new Bucket(perSecond, nanos.getAsLong()))
        .take(nanos.getAsLong());
  }

  private static final class Bucket {
    private final double capacity;
    private double tokens;
    private long refilledAt;

    Bucket(double capacity, long now) {
      this.capacity = capacity;
      this.tokens = capacity;
      this.refilledAt = now;
    }

    synchronized Optional<Duration> take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return Optional.empty();
      }
      double seconds = (1 - tokens) / capacity;
      return Optional.of(Duration.ofNanos((long) (seconds * NANOS_PER_SECOND)));
    }

    synchronized boolean full(long now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(long now) {
      tokens = Math.min(capacity, tokens + (now - refilledAt) / NANOS_PER_SECOND * capacity);
      refilledAt = now;
    }
  }
}
