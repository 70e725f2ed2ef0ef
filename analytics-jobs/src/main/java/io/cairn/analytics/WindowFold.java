package io.cairn.analytics;

import io.cairn.core.report.Report;
import io.cairn.kafka.stores.Store;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds each delta into its window, under its key, and publishes each window once it has closed:
 * once the grace period after its end has passed by the events' time this task has reached, or by
 * the clock when the task has had no delta for {@link ReportSettings#caughtUpAfter()} and so is
 * caught up. A window changed after it was published, by an event from a partition that lagged
 * behind, is published again. Windows older than the retention are dropped now and then.
 */
final class WindowFold<D, A> implements Processor<String, WindowDelta<D>, String, GenericRecord> {
  private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
  private static final Duration PUBLISH_EVERY = Duration.ofSeconds(5);

  private final Report<D, A> report;
  private final ReportSettings settings;
  private final ReportSchema<A> schema;
  private final ReportActivity activity;
  private ProcessorContext<String, GenericRecord> context;
  private KeyValueStore<String, A> windows;
  private KeyValueStore<String, String> closing;
  private final Silence silence;
  // The latest event time of the deltas folded since the task started; after a restart, windows
  // wait for the next delta, or for the task to fall silent.
  private long eventTime = Long.MIN_VALUE;

  WindowFold(Report<D, A> report, ReportSettings settings, ReportActivity activity) {
    this.activity = activity;
    this.report = report;
    this.settings = settings;
    this.schema = ReportSchema.of(report);
    this.silence = new Silence(settings.caughtUpAfter());
  }

  @Override
  public void init(ProcessorContext<String, GenericRecord> context) {
    this.context = context;
    windows = ReportStores.windows(report).in(context);
    closing = ReportStores.closing(report).in(context);
    context.schedule(
        PURGE_EVERY,
        PunctuationType.WALL_CLOCK_TIME,
        now -> timed(() -> purge(Instant.ofEpochMilli(now).minus(settings.retention()))));
    context.schedule(
        PUBLISH_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> timed(() -> publishClosed(now)));
  }

  @Override
  public void process(Record<String, WindowDelta<D>> record) {
    timed(() -> fold(record));
  }

  private void timed(Runnable work) {
    long start = System.nanoTime();
    try {
      work.run();
    } finally {
      activity.spentSince(start);
    }
  }

  private void fold(Record<String, WindowDelta<D>> record) {
    WindowDelta<D> delta = record.value();
    Instant start = Instant.ofEpochMilli(delta.start());
    String slot = ReportStores.slot(report, delta.key(), start);
    A before = windows.get(slot);
    windows.put(slot, report.add(before == null ? report.empty() : before, delta.delta()));
    Instant closes = start.plus(report.windowing().size()).plus(settings.grace());
    closing.put(ReportStores.closingKey(closes, slot), slot);
    silence.heard();
    eventTime = Math.max(eventTime, record.timestamp());
  }

  private void publishClosed(long now) {
    long upTo = silence.silentAt(now) ? Math.max(eventTime, now) : eventTime;
    if (upTo == Long.MIN_VALUE) {
      return;
    }
    for (KeyValue<String, String> entry : ReportStores.dueBy(closing, upTo)) {
      closing.delete(entry.key);
      A window = windows.get(entry.value);
      if (window != null) {
        publish(entry.value, window, now);
      }
    }
  }

  /**
   * Publishes a window, stamped with the time it is published: the topic's retention counts from
   * then, so a window of a day long past, folded in a rebuild, is kept as long as a fresh one.
   */
  private void publish(String slot, A window, long now) {
    String key = ReportStores.keyOf(report, slot);
    Instant start = ReportStores.startOf(report, slot);
    context.forward(new Record<>(key + "@" + start, schema.record(key, start, window), now));
  }

  private void purge(Instant before) {
    Store.purge(windows, (slot, window) -> ReportStores.startOf(report, slot).isBefore(before));
  }
}
