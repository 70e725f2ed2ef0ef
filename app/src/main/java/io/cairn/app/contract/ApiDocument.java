package io.cairn.app.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.app.config.CairnConfig;
import io.cairn.avro.contract.Contract;
import io.cairn.commerce.Commerce;
import io.cairn.gateway.CommandApi;
import io.cairn.queries.QueryApi;
import io.cairn.web.auth.Scope;
import io.cairn.web.openapi.OpenApi;
import io.cairn.web.openapi.Operation;
import io.cairn.web.openapi.Schemas;

/**
 * The OpenAPI 3.1 document of Cairn's HTTP API, made from the same declarations the routes are
 * installed from: the command endpoints from the contract, the queries from the views, aggregate
 * types, process managers and reports, and the app's own routes (health, metrics, the documents).
 */
public final class ApiDocument {
  private static final String TAG = "service";
  private static final String DESCRIPTION =
      "Commands go in as JSON and come back with the events they caused; queries read the views,"
          + " each aggregate's history, the processes and the reports. Every error has one shape:"
          + " {error, message, details}, with a stable code. The topics behind it are described in"
          + " /asyncapi.json.";

  private ApiDocument() {}

  /** The document of the commerce domain under this configuration, as {@code cairn run} has it. */
  public static ObjectNode of(CairnConfig config) {
    return of(
        new QueryApi.Declared(
            Commerce.projections(),
            Commerce.aggregateTypes(config.reactions().subscriptionMinInterval()),
            Commerce.processManagers(
                config.reactions().shipWithin(), config.payments().authorizationTimeout()),
            Commerce.reports(config.reports().cartSessionGap()),
            Contract.load()));
  }

  /** The document of these declarations. */
  public static ObjectNode of(QueryApi.Declared declared) {
    OpenApi api = new OpenApi();
    CommandApi.describe(api, declared.types(), declared.contract());
    QueryApi.describe(api, declared);
    service(api);
    return api.document("Cairn", DeclaredContract.version(), DESCRIPTION);
  }

  private static void service(OpenApi api) {
    api.tag(TAG, "Health, metrics, and the documents of the contract");
    api.path(
        "/health/live",
        "get",
        Operation.of(
                TAG,
                "Liveness: no part has failed for good",
                "503 when a stream application is in ERROR or a background worker stopped: restart"
                    + " the process")
            .requires(Scope.OPEN)
            .answers(
                200, "Live", Schemas.object(Schemas.ordered("status", Schemas.constant("live"))))
            .fails(503, "A part failed for good: details name it", "not_live"));
    api.path(
        "/health/ready",
        "get",
        Operation.of(
                TAG,
                "Readiness: Kafka is reachable, every stream application and background worker runs",
                "")
            .requires(Scope.OPEN)
            .answers(
                200,
                "Ready",
                Schemas.object(
                    Schemas.ordered(
                        "status", Schemas.constant("ready"),
                        "checks", Schemas.mapOf(Schemas.string()),
                        "sync", Schemas.mapOf(Schemas.string()))))
            .fails(503, "Not ready: details name each failing check", "not_ready"));
    text(api, "/metrics", "Prometheus metrics", "text/plain", Scope.READ);
    text(
        api,
        "/asyncapi.json",
        "The AsyncAPI 3.0 document of the topics",
        "application/json",
        Scope.OPEN);
    text(api, "/openapi.json", "This document", "application/json", Scope.OPEN);
    text(api, "/docs", "This document, to browse (Swagger UI)", "text/html", Scope.OPEN);
    text(api, "/", "The analysts' dashboard", "text/html", Scope.OPEN);
    text(api, "/dashboard", "The analysts' dashboard", "text/html", Scope.OPEN);
  }

  private static void text(
      OpenApi api, String path, String summary, String mediaType, Scope scope) {
    api.path(
        path,
        "get",
        Operation.of(TAG, summary, "")
            .requires(scope)
            .answers(
                200,
                summary,
                mediaType,
                mediaType.equals("application/json") ? Schemas.anyObject() : Schemas.string()));
  }
}
