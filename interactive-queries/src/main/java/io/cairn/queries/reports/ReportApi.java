package io.cairn.queries.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.report.Report;
import io.cairn.queries.http.Documented;
import io.cairn.web.auth.Scope;
import io.cairn.web.openapi.OpenApi;
import io.cairn.web.openapi.Operation;
import io.cairn.web.openapi.Schemas;
import java.util.List;
import java.util.Map;

/**
 * The reports' routes in the OpenAPI document: the catalog, each report's windows, and each one's
 * live stream of changed windows.
 */
public final class ReportApi {
  private static final String TAG = "reports";

  private ReportApi() {}

  /** Describes the catalog and the routes of each report. */
  public static void describe(OpenApi api, List<Report<?, ?>> reports) {
    api.tag(TAG, "Windowed reports for analysts, read by pages or streamed live");
    api.path(
        "/api/v1/reports",
        "get",
        Operation.of(TAG, "The reports, with what they measure and their activity", "")
            .requires(Scope.REPORT)
            .answers(200, "The catalog", catalog(reports)));
    for (Report<?, ?> report : reports) {
      describe(api, report);
    }
  }

  private static void describe(OpenApi api, Report<?, ?> report) {
    String path = "/api/v1/reports/" + report.name();
    Operation windows =
        Operation.of(TAG, report.name(), report.description())
            .requires(Scope.REPORT)
            .query("from", "The earliest window start listed (ISO-8601)", Schemas.instant())
            .query("to", "The window start listed windows start before", Schemas.instant())
            .query("key", "Only this " + report.key(), Schemas.string());
    api.path(
        path,
        "get",
        Documented.badParameters(Documented.paged(Documented.consistency(windows)))
            .answers(200, "A page of windows", Schemas.page(window(api, report))));
    api.path(
        path + "/stream",
        "get",
        Operation.of(
                TAG,
                report.name() + ", live",
                "Server-sent events: each window as it changes; resumes after Last-Event-ID")
            .requires(Scope.REPORT)
            .header("Last-Event-ID", "The id of the last event received, to resume from", false)
            .answers(200, "An event stream", "text/event-stream", Schemas.string())
            .fails(400, "Last-Event-ID is not one this stream gave", "invalid_last_event_id"));
  }

  /** A window: its start, end and key, its rank in a ranked report, and its measures. */
  private static ObjectNode window(OpenApi api, Report<?, ?> report) {
    ObjectNode window = api.records().inline(report.shownType());
    ObjectNode properties = window.withObjectProperty("properties");
    ArrayNode required = window.withArray("required");
    Map<String, ObjectNode> head =
        Schemas.ordered(
            "windowStart", Schemas.instant(),
            "windowEnd", Schemas.instant(),
            "key", Schemas.string());
    if (report.ranking().isPresent()) {
      head.put("rank", Schemas.integer());
    }
    head.forEach(
        (name, schema) -> {
          properties.set(name, schema);
          required.add(name);
        });
    return window;
  }

  private static ObjectNode catalog(List<Report<?, ?>> reports) {
    ObjectNode entry =
        Schemas.object(
            Schemas.ordered(
                "name", Schemas.oneOf(reports.stream().map(Report::name).toList()),
                "description", Schemas.string(),
                "key", Schemas.string(),
                "window",
                    Schemas.object(
                        Schemas.ordered(
                            "advance", Schemas.string().put("format", "duration"),
                            "size", Schemas.string().put("format", "duration"))),
                "measures", Schemas.arrayOf(Schemas.string()),
                "top", Schemas.integer(),
                "sources", Schemas.arrayOf(Schemas.string()),
                "lateBeyondGrace", Schemas.integer(),
                "deltas", Schemas.integer(),
                "processingSeconds", Schemas.number()));
    // Only ranked reports have a top.
    ((ArrayNode) entry.get("required")).removeIf(name -> name.asText().equals("top"));
    return Schemas.object(Schemas.ordered("items", Schemas.arrayOf(entry)));
  }
}
