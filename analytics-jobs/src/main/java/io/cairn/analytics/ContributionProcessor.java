package io.cairn.analytics;

import io.cairn.core.report.Report;
import io.cairn.engine.views.stores.DecodedEvent;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns one aggregate type's events into a report's deltas, noting how far the source partition's
 * event time had got: the log of a partition is in time order but for clocks that disagree, so this
 * is what lateness is measured against, the same on every replay.
 */
final class ContributionProcessor<D>
    implements Processor<String, DecodedEvent, String, WindowDelta<D>> {
  private final Report<D, ?> report;
  private final DeltaForwarder<D> forwarder;
  private final ReportActivity activity;
  private ProcessorContext<String, WindowDelta<D>> context;
  private long seen = Long.MIN_VALUE;

  ContributionProcessor(Report<D, ?> report, DeltaForwarder<D> forwarder, ReportActivity activity) {
    this.report = report;
    this.forwarder = forwarder;
    this.activity = activity;
  }

  @Override
  public void init(ProcessorContext<String, WindowDelta<D>> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, DecodedEvent> record) {
    long start = System.nanoTime();
    try {
      DecodedEvent event = record.value();
      long at = event.occurredAt().toEpochMilli();
      seen = Math.max(seen, at);
      forwarder.forward(
          context, report.contributions(event.type(), event.event(), event.aggregate()), at, seen);
    } finally {
      activity.spentSince(start);
    }
  }
}
