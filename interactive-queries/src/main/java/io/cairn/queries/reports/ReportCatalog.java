package io.cairn.queries.reports;

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
 * ({@code top}), the aggregate types it reads, and how many windows it has left an event out of
 * since the views started, the event arriving beyond the grace period.
 */
public final class ReportCatalog {
  private final List<Report<?, ?>> reports;
  private final Supplier<Map<String, Long>> late;

  /**
   * The catalogue of these reports.
   *
   * @param late how many windows each has left an event out of, the event arriving too late
   */
  public ReportCatalog(List<Report<?, ?>> reports, Supplier<Map<String, Long>> late) {
    this.reports = List.copyOf(reports);
    this.late = late;
  }

  /** The reports. */
  public List<Report<?, ?>> reports() {
    return reports;
  }

  /** The catalogue, as clients read it. */
  public Map<String, Object> answer() {
    Map<String, Long> lateNow = late.get();
    return Map.of(
        "items",
        reports.stream()
            .map(report -> entry(report, lateNow.getOrDefault(report.name(), 0L)))
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

  private static Map<String, Object> entry(Report<?, ?> report, long late) {
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
    entry.put("lateBeyondGrace", late);
    return entry;
  }
}
