package io.cairn.core.testing;

import io.cairn.core.report.Keyed;
import io.cairn.core.report.Report;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Given-events specifications of a report, without Kafka: each event's deltas are added to every
 * window its time falls in, under their keys, as the engine adds them when no event is late; then a
 * window is read back.
 *
 * @param <D> the report's deltas
 * @param <A> its windows' values
 */
public final class ReportSpec<D, A> {
  private final Report<D, A> report;
  private final Map<String, A> windows = new HashMap<>();

  private ReportSpec(Report<D, A> report) {
    this.report = report;
  }

  /** A specification of a report with no events yet. */
  public static <D, A> ReportSpec<D, A> of(Report<D, A> report) {
    return new ReportSpec<>(report);
  }

  /** The windows after these events too; events of types it does not read pass by. */
  public ReportSpec<D, A> given(AggregateHistory.Happened<?, ?>... events) {
    for (AggregateHistory.Happened<?, ?> happened : events) {
      var event = happened.event();
      for (Keyed<D> keyed :
          report.contributions(happened.type().name(), event.event(), event.aggregate())) {
        for (Instant start : report.windowing().startsOf(event.occurredAt())) {
          windows.merge(
              slot(keyed.key(), start),
              report.add(report.empty(), keyed.delta()),
              (before, ignored) -> report.add(before, keyed.delta()));
        }
      }
    }
    return this;
  }

  /** The window of a key that starts at the instant, or null when no event fell in it. */
  public A window(String key, Instant start) {
    return windows.get(slot(key, start));
  }

  private static String slot(String key, Instant start) {
    return key + "@" + start;
  }
}
