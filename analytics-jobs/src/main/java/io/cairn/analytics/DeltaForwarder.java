package io.cairn.analytics;

import io.cairn.core.report.Keyed;
import io.cairn.core.report.Report;
import io.cairn.core.report.Windowing;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sends what an event adds to every window its time falls in, each to the task that keeps the
 * window. A window that had closed more than the grace period before the source partition's event
 * time reached the event is left unchanged, and the event counted as late beyond grace instead: it
 * stays in the log and the views.
 */
final class DeltaForwarder<D> {
  private final Report<D, ?> report;
  private final ReportSettings settings;
  private final ReportActivity activity;

  DeltaForwarder(Report<D, ?> report, ReportSettings settings, ReportActivity activity) {
    this.report = report;
    this.settings = settings;
    this.activity = activity;
  }

  /**
   * Sends the deltas.
   *
   * @param at when they happened, in milliseconds
   * @param seen the latest event time the source partition had reached, in milliseconds
   */
  void forward(
      ProcessorContext<String, WindowDelta<D>> context, List<Keyed<D>> adds, long at, long seen) {
    Windowing windowing = report.windowing();
    for (Keyed<D> keyed : adds) {
      for (Instant start : windowing.startsOf(Instant.ofEpochMilli(at))) {
        if (start.plus(windowing.size()).plus(settings.grace()).toEpochMilli() <= seen) {
          activity.late();
          continue;
        }
        activity.delta();
        long from = start.toEpochMilli();
        context.forward(
            new Record<>(
                ReportStores.partitionKey(report, keyed.key(), start),
                new WindowDelta<>(keyed.key(), from, keyed.delta()),
                at));
      }
    }
  }
}
