package io.cairn.queries.reports;

import io.cairn.analytics.changes.FeedPosition;
import io.cairn.analytics.changes.FeedSubscription;
import io.cairn.analytics.changes.ReportFeeds;
import io.cairn.core.report.Report;
import io.cairn.web.ApiException;
import io.cairn.web.HttpExchanges;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/reports/{name}/stream}: a report's window changes as Server-Sent Events, one
 * {@code event: window} per change with the stream's position as its {@code id}. A client that
 * reconnects with {@code Last-Event-ID} is first given every change it missed. Each stream writes
 * on a virtual thread of its own; at most {@link StreamSettings#max()} are open at once.
 */
public final class ReportStreams implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReportStreams.class);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);

  private final ReportFeeds feeds;
  private final StreamSettings settings;
  private final AtomicInteger open = new AtomicInteger();
  private final Set<Thread> writers = ConcurrentHashMap.newKeySet();

  /** The streams of the reports these feeds read. */
  public ReportStreams(ReportFeeds feeds, StreamSettings settings) {
    this.feeds = feeds;
    this.settings = settings;
  }

  /** Opens a stream of a report's changes on the request. */
  public void stream(Context ctx, Report<?, ?> report) {
    Optional<FeedPosition> resume = resumeFrom(ctx);
    if (open.incrementAndGet() > settings.max()) {
      open.decrementAndGet();
      throw ApiException.unavailable(
          "too_many_streams",
          "This instance already serves " + settings.max() + " report streams; try again later.",
          RETRY_AFTER);
    }
    FeedSubscription subscription;
    try {
      subscription = feeds.subscribe(report);
    } catch (RuntimeException e) {
      open.decrementAndGet();
      log.warn("The changes of report {} cannot be read: {}", report.name(), e.getMessage());
      throw ApiException.unavailable(
          "report_stream_unavailable",
          "The changes of " + report.name() + " cannot be read yet; try again shortly.",
          RETRY_AFTER);
    }
    ctx.status(200);
    ctx.contentType("text/event-stream");
    ctx.header("Cache-Control", "no-cache");
    ctx.header("X-Accel-Buffering", "no");
    CompletableFuture<Void> done = new CompletableFuture<>();
    WindowStream<?> stream = WindowStream.of(report, feeds, subscription, settings.heartbeat());
    // Javalin asks for the future once the request has gone asynchronous; only then may another
    // thread write the response.
    ctx.future(
        () -> {
          writers.add(
              Thread.ofVirtual()
                  .name("cairn-report-stream-" + report.name())
                  .start(() -> write(ctx, stream, resume, subscription, done)));
          return done;
        });
  }

  private void write(
      Context ctx,
      WindowStream<?> stream,
      Optional<FeedPosition> resume,
      FeedSubscription subscription,
      CompletableFuture<Void> done) {
    boolean clientThere = false;
    try {
      clientThere = stream.run(new SseWriter(ctx.res().getOutputStream()), resume);
    } catch (IOException e) {
      log.debug("A client of a report stream went away before it began", e);
    } finally {
      subscription.close();
      open.decrementAndGet();
      // Once a client has gone, Jetty has ended the exchange and recycled its request; finishing
      // it again would have Javalin handle a request that no longer exists.
      if (clientThere && HttpExchanges.isOpen(ctx)) {
        done.complete(null);
      }
      writers.remove(Thread.currentThread());
    }
  }

  /**
   * Ends every stream, each with its final event, and waits a little for them to be written: the
   * HTTP server stops after this, and an exchange it ends itself cannot be finished cleanly.
   */
  @Override
  public void close() {
    feeds.close();
    for (Thread writer : List.copyOf(writers)) {
      try {
        writer.join(CLOSE_WAIT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Optional<FeedPosition> resumeFrom(Context ctx) {
    String lastEventId = ctx.header("Last-Event-ID");
    if (lastEventId == null || lastEventId.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        FeedPosition.parse(lastEventId.strip())
            .orElseThrow(
                () ->
                    new ApiException(
                        400,
                        "invalid_last_event_id",
                        "Last-Event-ID is the id of an event of this stream, such as 0:12,1:40.",
                        Map.of("lastEventId", lastEventId))));
  }
}
