package io.cairn.analytics.changes;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One reader's share of a report's live changes: those read after it subscribed, queued up to a
 * bound. A reader that falls that far behind is cut off rather than buffered without bound; it can
 * resume from its position.
 */
public final class FeedSubscription implements AutoCloseable {
  private final BlockingQueue<WindowChange> queue;
  private final FeedPosition from;
  private final Consumer<FeedSubscription> unsubscribe;
  private volatile boolean overflowed;
  private volatile String ended;

  /**
   * A subscription whose changes begin at a position; a feed makes them, and a test of a stream's
   * writer may.
   *
   * @param capacity how many changes it queues before it counts as overflowed
   * @param unsubscribe what closing it does
   */
  public FeedSubscription(int capacity, FeedPosition from, Consumer<FeedSubscription> unsubscribe) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.from = from;
    this.unsubscribe = unsubscribe;
  }

  /** Where the live changes begin: every change at or after it is queued here. */
  public FeedPosition from() {
    return from;
  }

  /** Queues a change; one that does not fit marks the subscription overflowed. */
  public void offer(WindowChange change) {
    if (!queue.offer(change)) {
      overflowed = true;
    }
  }

  /** Ends the subscription, for this reason. */
  public void end(String why) {
    ended = why;
  }

  /** Whether more changes came than the queue holds, so some were not kept. */
  public boolean overflowed() {
    return overflowed;
  }

  /** Why the feed ended this subscription, if it did: the app stops, or the report was rebuilt. */
  public Optional<String> ended() {
    return Optional.ofNullable(ended);
  }

  /** The next change, waiting at most this long; empty when none came. */
  public Optional<WindowChange> next(Duration wait) throws InterruptedException {
    return Optional.ofNullable(queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
  }

  @Override
  public void close() {
    unsubscribe.accept(this);
  }
}
