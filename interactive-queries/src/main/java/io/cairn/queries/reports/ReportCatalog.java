package io.cairn.queries.reports;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.report.Report;
import io.cairn.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/reports}: what reports there are, each with its description, key, windows
 * (size and advance, ISO-8601 durations), measures and the aggregate types it reads.
 */
public final class ReportCatalog {
  private final List<Report<?, ?>> reports;

  /** The catalogue of these reports. */
  public ReportCatalog(List<Report<?, ?>> reports) {
    this.reports = List.copyOf(reports);
  }

  /** The reports. */
  public List<Report<?, ?>> reports() {
    return reports;
  }

  /** The catalogue, as clients read it. */
  public Map<String, Object> answer() {
    return Map.of("items", reports.stream().map(ReportCatalog::entry).toList());
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

  private static Map<String, Object> entry(Report<?, ?> report) {
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
    entry.put("sources", report.sources().stream().map(AggregateType::name).toList());
    return entry;
  }
}
