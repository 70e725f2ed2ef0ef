package io.cairn.queries;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.avro.contract.Contract;
import io.cairn.avro.json.AvroJsonSchema;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.reaction.ProcessManager;
import io.cairn.core.report.Report;
import io.cairn.core.view.ListProjection;
import io.cairn.core.view.Projection;
import io.cairn.queries.deadletters.DeadLetterApi;
import io.cairn.queries.http.Documented;
import io.cairn.queries.operations.OperationsApi;
import io.cairn.queries.processes.ProcessApi;
import io.cairn.queries.reports.ReportApi;
import io.cairn.web.auth.Scope;
import io.cairn.web.openapi.OpenApi;
import io.cairn.web.openapi.Operation;
import io.cairn.web.openapi.Schemas;
import java.util.List;

/**
 * The query routes in the OpenAPI document, as {@link QueryRoutes} installs them from the same
 * declarations: each view by key and as a list, each list of rows, each aggregate's state and
 * history, then the processes, the reports, the views' operations and the dead-letter queue.
 */
public final class QueryApi {
  private static final String VIEWS = "views";
  private static final String AGGREGATES = "aggregates";
  private static final String HISTORY_TOO_LONG =
      "asOf would fold more events than queries.history.max.events";

  private QueryApi() {}

  /** The declarations whose routes are described. */
  public record Declared(
      List<Projection<?>> projections,
      List<AggregateType<?, ?, ?>> types,
      List<ProcessManager<?, ?>> managers,
      List<Report<?, ?>> reports,
      Contract contract) {}

  /** Describes every query route of these declarations. */
  public static void describe(OpenApi api, Declared declared) {
    api.tag(VIEWS, "The denormalised views, by key and as lists");
    api.tag(AGGREGATES, "Each aggregate's state and its history of events");
    ViewCatalog catalog = new ViewCatalog(declared.projections(), declared.types());
    catalog.views().forEach(view -> view(api, view));
    catalog.lists().forEach(rows -> rows(api, rows));
    for (AggregateType<?, ?, ?> type : catalog.types()) {
      aggregate(api, type, declared.contract(), catalog.view(type.name()).isEmpty());
    }
    ProcessApi.describe(api, declared.managers());
    ReportApi.describe(api, declared.reports());
    OperationsApi.describe(api);
    DeadLetterApi.describe(api);
  }

  private static void view(OpenApi api, Projection<?> view) {
    ObjectNode shown = api.records().reference(view.shownType());
    Operation one =
        Operation.of(VIEWS, "Read one of the " + view.name(), "")
            .requires(Scope.READ, Scope.CUSTOMER)
            .pathParameter("id", "Its key")
            .query(
                "asOf",
                "An instant (ISO-8601): the view as it was then, folded from the history",
                Schemas.instant());
    api.path(
        "/api/v1/" + view.name() + "/{id}",
        "get",
        found(Documented.badParameters(Documented.consistency(one)), shown)
            .fails(410, "asOf is older than the history kept", "history_expired")
            .fails(422, HISTORY_TOO_LONG, "history_too_long"));
    Operation list =
        Operation.of(VIEWS, "List the " + view.name(), "In key order, by pages")
            .requires(Scope.READ);
    for (String filter : view.filters()) {
      list.query(filter, "Only those whose " + filter + " is this", Schemas.string());
    }
    api.path(
        "/api/v1/" + view.name(),
        "get",
        Documented.badParameters(Documented.paged(Documented.consistency(list)))
            .answers(200, "A page of them", Schemas.page(shown)));
  }

  private static void rows(OpenApi api, ListProjection<?> rows) {
    Operation operation =
        Operation.of(VIEWS, "List the " + rows.segment() + " of one of the " + rows.parent(), "")
            .requires(Scope.READ, Scope.CUSTOMER)
            .pathParameter("id", "The key of the " + rows.parent());
    for (String filter : rows.filters()) {
      operation.query(filter, "Only those whose " + filter + " is this", Schemas.string());
    }
    api.path(
        "/api/v1/" + rows.parent() + "/{id}/" + rows.segment(),
        "get",
        Documented.badParameters(Documented.paged(Documented.consistency(operation)))
            .answers(200, "A page of them", Schemas.page(api.records().reference(rows.shownType())))
            .fails(404, "There is no such " + rows.parent(), "not_found"));
  }

  private static void aggregate(
      OpenApi api, AggregateType<?, ?, ?> type, Contract contract, boolean bare) {
    ObjectNode state =
        Schemas.object(
            Schemas.ordered(
                "type", Schemas.constant(type.name()),
                "id", Schemas.string(),
                "version", Schemas.integer(),
                "createdAt", Schemas.instant(),
                "updatedAt", Schemas.instant(),
                "state", api.records().reference(type.state())));
    String path = "/api/v1/" + type.name() + "/{id}";
    api.path(path + "/state", "get", stateOperation(type, state));
    if (bare) {
      api.path(path, "get", stateOperation(type, state));
    }
    Operation history =
        Operation.of(AGGREGATES, "The events of one of the " + type.name(), "Oldest first")
            .requires(Scope.READ, Scope.CUSTOMER)
            .pathParameter("id", "The aggregate's id")
            .query(
                "fromVersion", "The version the page starts at (1 by default)", Schemas.integer());
    api.path(
        path + "/events",
        "get",
        found(
            Documented.badParameters(Documented.paged(Documented.consistency(history))),
            Schemas.page(historyItem(api, type, contract))));
  }

  private static Operation stateOperation(AggregateType<?, ?, ?> type, ObjectNode state) {
    Operation operation =
        Operation.of(AGGREGATES, "The state of one of the " + type.name(), "As its decider has it")
            .requires(Scope.READ, Scope.CUSTOMER)
            .pathParameter("id", "The aggregate's id")
            .query(
                "asOf",
                "An instant (ISO-8601): the state then, folded from its events",
                Schemas.instant());
    return found(Documented.badParameters(Documented.consistency(operation)), state)
        .fails(422, HISTORY_TOO_LONG, "history_too_long");
  }

  private static ObjectNode historyItem(
      OpenApi api, AggregateType<?, ?, ?> type, Contract contract) {
    return Schemas.oneOfEach(
        contract.envelopes(type.name()).events().getTypes(),
        payload -> {
          String name = Schemas.eventName(type.name(), payload.getName());
          api.schema(name, AvroJsonSchema.written(payload));
          return Schemas.object(
              Schemas.ordered(
                  "type", Schemas.constant(payload.getName()),
                  "version", Schemas.integer(),
                  "occurredAt", Schemas.instant(),
                  "correlationId", Schemas.nullableString(),
                  "causationId", Schemas.nullableString(),
                  "actor", Schemas.nullableString(),
                  "payload", Schemas.reference(name)));
        });
  }

  private static Operation found(Operation operation, ObjectNode answer) {
    return operation
        .answers(200, "Found", answer)
        .answerHeader(200, "Cairn-Served-By", "The instance that answered")
        .fails(404, "There is no such entry (then)", "not_found");
  }
}
