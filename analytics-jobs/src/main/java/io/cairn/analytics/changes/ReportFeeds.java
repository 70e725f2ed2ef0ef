package io.cairn.analytics.changes;

import io.cairn.core.report.Report;
import io.cairn.kafka.client.KafkaConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The live changes of every report, each read off the report's changelog by one feed that starts
 * with its first reader, and the catching up of a reader that resumes from an earlier position.
 */
public final class ReportFeeds implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConnection kafka;
  private final String applicationId;
  private final int capacity;
  private final Duration catchUpLimit;
  private final Map<String, ReportFeed> feeds = new HashMap<>();
  private boolean closed;

  /**
   * The feeds of the reports an application keeps.
   *
   * @param applicationId the Kafka Streams application that keeps the reports, which names their
   *     changelogs
   * @param capacity how many changes a reader may fall behind before it is cut off
   * @param catchUpLimit how long catching up may take before the reader is told to come back
   */
  public ReportFeeds(
      KafkaConnection kafka, String applicationId, int capacity, Duration catchUpLimit) {
    this.kafka = kafka;
    this.applicationId = applicationId;
    this.capacity = capacity;
    this.catchUpLimit = catchUpLimit;
  }

  /** The changelog of a report's windows. */
  public String changelog(Report<?, ?> report) {
    return applicationId + "-report-" + report.name() + "-changelog";
  }

  /**
   * A subscription to a report's changes from now on.
   *
   * @throws IllegalStateException when the feeds are closed or the changelog cannot be read
   */
  public synchronized FeedSubscription subscribe(Report<?, ?> report) {
    if (closed) {
      throw new IllegalStateException("the report feeds are closed");
    }
    ReportFeed feed = feeds.get(report.name());
    if (feed == null || !feed.running()) {
      if (feed != null) {
        feed.close();
      }
      feed = start(report);
      feeds.put(report.name(), feed);
    }
    return feed.subscribe();
  }

  private ReportFeed start(Report<?, ?> report) {
    ChangelogReader reader = new ChangelogReader(kafka, report, changelog(report));
    try {
      return new ReportFeed(report.name(), reader, capacity);
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /**
   * Hands over, partition by partition in offset order, every change of a report from one position
   * up to another.
   *
   * @return false when it took longer than the limit and stopped short
   */
  public boolean catchUp(
      Report<?, ?> report, FeedPosition from, FeedPosition until, Consumer<WindowChange> each) {
    Instant deadline = Instant.now().plus(catchUpLimit);
    try (ChangelogReader reader = new ChangelogReader(kafka, report, changelog(report))) {
      reader.assign(from);
      while (!reader.reached(until)) {
        if (Instant.now().isAfter(deadline)) {
          return false;
        }
        List<WindowChange> changes = reader.poll(POLL);
        changes.stream().filter(change -> !until.precedes(change)).forEach(each);
      }
      return true;
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    feeds.values().forEach(ReportFeed::close);
    feeds.clear();
  }
}
