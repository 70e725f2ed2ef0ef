package io.cairn.analytics;

import io.cairn.core.report.Report;
import io.cairn.kafka.stores.Store;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds each delta into its window, under its key. Windows older than the retention are dropped now
 * and then.
 */
final class WindowFold<D, A> implements Processor<String, WindowDelta<D>, Void, Void> {
  private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

  private final Report<D, A> report;
  private final Store<String, A> windows;
  private final ReportSettings settings;
  private KeyValueStore<String, A> store;

  WindowFold(Report<D, A> report, ReportSettings settings) {
    this.report = report;
    this.windows = ReportStores.windows(report);
    this.settings = settings;
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
  public void process(Record<String, WindowDelta<D>> record) {
    WindowDelta<D> delta = record.value();
    String slot = ReportStores.slot(report, delta.key(), Instant.ofEpochMilli(delta.start()));
    A before = store.get(slot);
    store.put(slot, report.add(before == null ? report.empty() : before, delta.delta()));
  }

  private void purge(Instant before) {
    Store.purge(store, (slot, window) -> ReportStores.startOf(report, slot).isBefore(before));
  }
}
