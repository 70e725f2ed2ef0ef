package io.cairn.analytics;

import io.cairn.core.report.Report;
import io.cairn.core.report.Windowing;
import io.cairn.kafka.stores.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds a report's deltas into every window their event's time falls in, under their key. A window
 * that had closed more than the grace period before the delta's source partition reached it is not
 * changed: the event is counted as late beyond grace instead, and stays in the log and the views.
 * Windows older than the retention are dropped now and then.
 */
final class WindowFold<D, A> implements Processor<String, Timed<D>, Void, Void> {
  private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

  private final Report<D, A> report;
  private final Store<String, A> windows;
  private final ReportSettings settings;
  private final LongAdder late;
  private KeyValueStore<String, A> store;

  /**
   * @param late where windows refused for lateness are counted
   */
  WindowFold(Report<D, A> report, ReportSettings settings, LongAdder late) {
    this.report = report;
    this.windows = ReportStores.windows(report);
    this.settings = settings;
    this.late = late;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = windows.in(context);
    context.schedule(
        PURGE_EVERY,
        PunctuationType.WALL_CLOCK_TIME,
        now -> purge(Instant.ofEpochMilli(now).minus(settings.retention())));
  }

  @Override
  public void process(Record<String, Timed<D>> record) {
    Timed<D> timed = record.value();
    Windowing windowing = report.windowing();
    for (Instant start : windowing.startsOf(Instant.ofEpochMilli(timed.at()))) {
      Instant closes = start.plus(windowing.size()).plus(settings.grace());
      if (closes.toEpochMilli() <= timed.seen()) {
        late.increment();
        continue;
      }
      String slot = ReportStores.slot(record.key(), start);
      A before = store.get(slot);
      store.put(slot, report.add(before == null ? report.empty() : before, timed.delta()));
    }
  }

  private void purge(Instant before) {
    Store.purge(store, (slot, window) -> ReportStores.startOf(slot).isBefore(before));
  }
}
