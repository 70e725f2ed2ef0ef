package io.cairn.analytics.changes;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live changes of one report, read once off its changelog from where it was when the feed
 * started, and handed to every subscription. One thread and one consumer per report, however many
 * readers.
 */
final class ReportFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReportFeed.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final String STOPPED = "The report's live changes stopped; try again shortly.";
  private static final String REBUILT =
      "The report was rebuilt; resume with Last-Event-ID to read its windows again.";

  private final String name;
  private final ChangelogReader reader;
  private final int capacity;
  private final List<FeedSubscription> subscriptions = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private FeedPosition position;
  private volatile boolean running = true;

  ReportFeed(String name, ChangelogReader reader, int capacity) {
    this.name = name;
    this.reader = reader;
    this.capacity = capacity;
    this.position = reader.assignAtEnd();
    this.thread = Thread.ofVirtual().name("cairn-report-feed-" + name).start(this::read);
  }

  /** A subscription to every change read from now on, and where they begin. */
  synchronized FeedSubscription subscribe() {
    FeedSubscription created = new FeedSubscription(capacity, position, subscriptions::remove);
    if (!running) {
      created.end(STOPPED);
    }
    subscriptions.add(created);
    return created;
  }

  private void read() {
    try {
      while (running) {
        deliver(reader.poll(POLL));
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (RuntimeException e) {
      log.error(
          "The live changes of report {} stopped; its streams end, and new ones are refused",
          name,
          e);
    } finally {
      running = false;
      subscriptions.forEach(subscription -> subscription.end(STOPPED));
    }
  }

  private synchronized void deliver(List<WindowChange> changes) {
    for (WindowChange change : changes) {
      if (change.offset() < position.of(change.partition())) {
        // The changelog started again: a rebuild. Readers resume and read it from its start.
        subscriptions.forEach(subscription -> subscription.end(REBUILT));
        subscriptions.clear();
      }
      position = position.after(change);
      subscriptions.forEach(subscription -> subscription.offer(change));
    }
  }

  /** Whether it still reads the changelog. */
  boolean running() {
    return running;
  }

  @Override
  public void close() {
    running = false;
    reader.wakeup();
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    reader.close();
  }
}
