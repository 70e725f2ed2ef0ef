package io.cairn.queries.reports;

import io.cairn.analytics.changes.FeedPosition;
import io.cairn.analytics.changes.FeedSubscription;
import io.cairn.analytics.changes.ReportFeeds;
import io.cairn.analytics.changes.WindowChange;
import io.cairn.core.report.Report;
import io.cairn.engine.views.stores.ViewJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's stream of a report's changes: first those it missed, when it resumes, then the live
 * ones, each once, in each changelog partition's order; a heartbeat when nothing was said for a
 * while; and a final {@code event: closed} saying why, when the stream is ended from this side.
 *
 * @param <A> the report's windows' values
 */
final class WindowStream<A> {
  private static final Logger log = LoggerFactory.getLogger(WindowStream.class);
  private static final long RETRY_MILLIS = 3_000;
  private static final Duration LOOK_EVERY = Duration.ofSeconds(1);

  private final Report<?, A> report;
  private final ReportFeeds feeds;
  private final FeedSubscription subscription;
  private final Duration heartbeat;
  private FeedPosition cursor;
  private long lastWord;

  private WindowStream(
      Report<?, A> report, ReportFeeds feeds, FeedSubscription subscription, Duration heartbeat) {
    this.report = report;
    this.feeds = feeds;
    this.subscription = subscription;
    this.heartbeat = heartbeat;
  }

  static <A> WindowStream<A> of(
      Report<?, A> report, ReportFeeds feeds, FeedSubscription subscription, Duration heartbeat) {
    return new WindowStream<>(report, feeds, subscription, heartbeat);
  }

  /**
   * Writes the stream until it ends, from the position the client resumes from, if any.
   *
   * @return whether the client was still there at the end: false when a write failed, and the
   *     server has then already ended the exchange
   */
  boolean run(SseWriter writer, Optional<FeedPosition> resume) {
    try {
      writer.retry(RETRY_MILLIS);
      lastWord = System.nanoTime();
      cursor = resume.orElse(subscription.from());
      if (resume.isPresent() && !catchUp(writer)) {
        closed(writer, "catch_up_too_long", "Catching up took too long; resume from the last id.");
        return true;
      }
      live(writer);
      return true;
    } catch (IOException | UncheckedIOException e) {
      log.debug("A client of the {} stream went away", report.name(), e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private boolean catchUp(SseWriter writer) {
    return feeds.catchUp(
        report,
        cursor,
        subscription.from(),
        change -> {
          try {
            send(writer, change);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private void live(SseWriter writer) throws IOException, InterruptedException {
    while (true) {
      if (subscription.overflowed()) {
        closed(
            writer,
            "too_slow",
            "The stream fell too far behind the report's changes; resume from the last id.");
        return;
      }
      // What was queued before the feed ended still goes out; the client resumes after it.
      Optional<String> ended = subscription.ended();
      Optional<WindowChange> next =
          subscription.next(ended.isPresent() ? Duration.ZERO : LOOK_EVERY);
      if (next.isPresent()) {
        if (cursor.precedes(next.get())) {
          send(writer, next.get());
        }
      } else if (ended.isPresent()) {
        closed(writer, "ended", ended.get());
        return;
      } else if (System.nanoTime() - lastWord >= heartbeat.toNanos()) {
        writer.comment("heartbeat");
        lastWord = System.nanoTime();
      }
    }
  }

  private void send(SseWriter writer, WindowChange change) throws IOException {
    cursor = cursor.after(change);
    A window = report.windows().cast(change.window());
    String data = WindowItems.item(report, change.key(), change.start(), window).toString();
    writer.event("window", cursor.text(), data);
    lastWord = System.nanoTime();
  }

  private void closed(SseWriter writer, String reason, String message) throws IOException {
    writer.event(
        "closed",
        null,
        ViewJson.MAPPER
            .createObjectNode()
            .put("reason", reason)
            .put("message", message)
            .toString());
  }
}
