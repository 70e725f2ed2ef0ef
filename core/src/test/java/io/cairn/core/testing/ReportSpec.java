package io.cairn.core.testing;

import io.cairn.core.report.Keyed;
import io.cairn.core.report.Report;
import io.cairn.core.report.Tracking;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Given-events specifications of a report, without Kafka: each event's deltas are added to every
 * window its time falls in, under their keys, as the engine adds them when no event is late;
 * tracked aggregates keep their memory between events, and one idle for its tracking's time ends as
 * the events' time passes its end. Then a window, or a ranked window's top, is read back.
 *
 * @param <D> the report's deltas
 * @param <A> its windows' values
 */
public final class ReportSpec<D, A> {
  private final Report<D, A> report;
  private final Map<String, A> windows = new HashMap<>();
  private final Map<String, Remembered> memories = new HashMap<>();

  private record Remembered(String type, Object memory, Instant ends) {}

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
      until(event.occurredAt());
      String type = happened.type().name();
      var tracked = report.tracked(type);
      if (tracked.isEmpty()) {
        add(report.contributions(type, event.event(), event.aggregate()), event.occurredAt());
        continue;
      }
      String aggregate = type + "/" + event.aggregateId();
      Remembered before = memories.remove(aggregate);
      Tracking.Step<?, D> step =
          tracked
              .get()
              .step(before == null ? null : before.memory(), event.event(), event.aggregate());
      add(step.adds(), event.occurredAt());
      if (step.memory() != null) {
        Instant ends = tracked.get().idle().map(event.occurredAt()::plus).orElse(Instant.MAX);
        memories.put(aggregate, new Remembered(type, step.memory(), ends));
      }
    }
    return this;
  }

  /** The windows once the events' time has reached this instant: idle memories end before it. */
  public ReportSpec<D, A> until(Instant now) {
    List<Map.Entry<String, Remembered>> ending =
        memories.entrySet().stream()
            .filter(entry -> !entry.getValue().ends().isAfter(now))
            .sorted(Comparator.comparing(entry -> entry.getValue().ends()))
            .toList();
    for (Map.Entry<String, Remembered> entry : ending) {
      memories.remove(entry.getKey());
      Remembered remembered = entry.getValue();
      add(
          report.tracked(remembered.type()).orElseThrow().ended(remembered.memory()),
          remembered.ends());
    }
    return this;
  }

  /** The windows once this much more time has passed after the given instant. */
  public ReportSpec<D, A> until(Instant from, Duration later) {
    return until(from.plus(later));
  }

  private void add(List<Keyed<D>> adds, Instant at) {
    for (Keyed<D> keyed : adds) {
      for (Instant start : report.windowing().startsOf(at)) {
        windows.merge(
            slot(keyed.key(), start),
            report.add(report.empty(), keyed.delta()),
            (before, ignored) -> report.add(before, keyed.delta()));
      }
    }
  }

  /** The window of a key that starts at the instant, or null when no event fell in it. */
  public A window(String key, Instant start) {
    return windows.get(slot(key, start));
  }

  /** The keys of a ranked report's window that starts at the instant, first the best. */
  public List<String> top(Instant start) {
    var ranking = report.ranking().orElseThrow();
    String suffix = "@" + start;
    return windows.entrySet().stream()
        .filter(entry -> entry.getKey().endsWith(suffix))
        .sorted(Map.Entry.comparingByValue(ranking.order()))
        .limit(ranking.top())
        .map(entry -> entry.getKey().substring(0, entry.getKey().length() - suffix.length()))
        .toList();
  }

  private static String slot(String key, Instant start) {
    return key + "@" + start;
  }
}
