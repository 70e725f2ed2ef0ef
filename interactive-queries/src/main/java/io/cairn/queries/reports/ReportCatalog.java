package io.cairn.queries.reports;

import io.cairn.analytics.ReportActivity;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.report.Report;
import io.cairn.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/reports}: what reports there are, each with its description, key, windows
 * (size and advance, ISO-8601 durations), measures, how many keys a ranked one shows of each window
 * ({@code top}), the aggregate types it reads, and what it has done since the views started or were
 * last rebuilt: windows it left an event out of for lateness ({@code lateBeyondGrace}), deltas sent
 * to its windows, and its processors' time ({@code processingSeconds}).
 */
public final class ReportCatalog {
  private static final ReportActivity.Counts NONE = new ReportActivity.Counts(0, 0, 0);

  private final List<Report<?, ?>> reports;
  private final Supplier<Map<String, ReportActivity.Counts>> activity;

  /**
   * The catalogue of these reports.
   *
   * @param activity what each has done since the views started or were last rebuilt
   */
  public ReportCatalog(
      List<Report<?, ?>> reports, Supplier<Map<String, ReportActivity.Counts>> activity) {
    this.reports = List.copyOf(reports);
    this.activity = activity;
  }

  /** The reports. */
  public List<Report<?, ?>> reports() {
    return reports;
  }

  /** The catalogue, as clients read it. */
  public Map<String, Object> answer() {
    Map<String, ReportActivity.Counts> now = activity.get();
    return Map.of(
        "items",
        reports.stream()
            .map(report -> entry(report, now.getOrDefault(report.name(), NONE)))
            .toList());
  }

  /** The 404 of a report that does not exist, naming those that do. */
  public ApiException unknown(String name) {
    return new ApiException(
        404,
        "unknown_report",
        "There is no report " + name + "; there are " + names(),
        Map.of("known", names()));
  }

  private List<String> names() {
    return reports.stream().map(Report::name).toList();
  }

  private static Map<String, Object> entry(Report<?, ?> report, ReportActivity.Counts activity) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", report.name());
    entry.put("description", report.description());
    entry.put("key", report.key());
    entry.put(
        "window",
        Map.of(
            "size", report.windowing().size().toString(),
            "advance", report.windowing().advance().toString()));
    entry.put("measures", report.measures());
    report.ranking().ifPresent(ranking -> entry.put("top", ranking.top()));
    entry.put("sources", report.sources().stream().map(AggregateType::name).toList());
    entry.put("lateBeyondGrace", activity.lateBeyondGrace());
    entry.put("deltas", activity.deltas());
    entry.put("processingSeconds", activity.processingSeconds());
    return entry;
  }
}
