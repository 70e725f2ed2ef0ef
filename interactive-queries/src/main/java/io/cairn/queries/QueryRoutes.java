package io.cairn.queries;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.reaction.ProcessManager;
import io.cairn.core.report.Report;
import io.cairn.core.view.ListProjection;
import io.cairn.core.view.Projection;
import io.cairn.engine.views.ReadSide;
import io.cairn.engine.views.stores.HistoryReplay;
import io.cairn.queries.aggregates.EventsQuery;
import io.cairn.queries.aggregates.StateQuery;
import io.cairn.queries.consistency.ReadYourWrites;
import io.cairn.queries.operations.OperationsHandlers;
import io.cairn.queries.processes.ProcessListQuery;
import io.cairn.queries.processes.ProcessQuery;
import io.cairn.queries.reports.ReportCatalog;
import io.cairn.queries.reports.ReportQuery;
import io.cairn.queries.reports.ReportReads;
import io.cairn.queries.routing.KeyedQuery;
import io.cairn.queries.views.ListQuery;
import io.cairn.queries.views.PastViews;
import io.cairn.queries.views.RowsQuery;
import io.cairn.queries.views.ViewQuery;
import io.cairn.web.ApiException;
import io.cairn.web.auth.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The query routes in one table: each declared view, list of rows and aggregate type gets its
 * routes by name, and what no declaration names is a 404 that says what there is. Routes are
 * matched in the order they are added, so the declared ones come before the catch-alls.
 */
final class QueryRoutes {
  private final ViewCatalog catalog;
  private final OperationsHandlers operations;
  private final ReadYourWrites readYourWrites;
  private final HistoryReplay replay;
  private final PastViews past;
  private final List<ProcessManager<?, ?>> managers;
  private final ReportReads reports;
  private final Clock clock;

  QueryRoutes(
      ViewCatalog catalog,
      List<ProcessManager<?, ?>> managers,
      ReportReads reports,
      QuerySettings settings,
      OperationsHandlers operations) {
    this.catalog = catalog;
    this.managers = List.copyOf(managers);
    this.reports = reports;
    this.clock = settings.clock();
    this.operations = operations;
    Map<String, AggregateType<?, ?, ?>> types =
        catalog.types().stream()
            .collect(Collectors.toMap(AggregateType::name, Function.identity()));
    this.readYourWrites = new ReadYourWrites(types, new Semaphore(ReadYourWrites.MAX_WAITING));
    this.replay = new HistoryReplay(catalog.types(), settings.historyMaxEvents());
    this.past = new PastViews(settings.versionsRetention(), settings.clock(), replay);
  }

  void install(RoutesConfig routes, QueryServer server) {
    routes.get("/api/v1/views/status", operations::status, Scope.READ, Scope.ADMIN);
    routes.post("/api/v1/views/rebuild", operations::rebuild, Scope.ADMIN);
    routes.get("/api/v1/views/rebuild", operations::rebuildStatus, Scope.READ, Scope.ADMIN);
    routes.post(ReadSide.PAUSE, operations::pause, Scope.INTERNAL);
    routes.post(ReadSide.RESUME, operations::resume, Scope.INTERNAL);
    installProcesses(routes, server);
    installReports(routes, server);
    for (Projection<?> view : catalog.views()) {
      ListQuery list = new ListQuery(view, readYourWrites);
      routes.get("/api/v1/" + view.name(), ctx -> server.list(ctx, list), Scope.READ);
      byKey(
          routes,
          server,
          "/api/v1/" + view.name() + "/{id}",
          new ViewQuery(view, past, readYourWrites));
    }
    for (ListProjection<?> rows : catalog.lists()) {
      byKey(
          routes,
          server,
          "/api/v1/" + rows.parent() + "/{id}/" + rows.segment(),
          new RowsQuery(rows, catalog.view(rows.parent()), readYourWrites));
    }
    for (AggregateType<?, ?, ?> type : catalog.types()) {
      StateQuery state = new StateQuery(type, replay, readYourWrites);
      byKey(routes, server, "/api/v1/" + type.name() + "/{id}/state", state);
      byKey(
          routes,
          server,
          "/api/v1/" + type.name() + "/{id}/events",
          new EventsQuery(type, replay, readYourWrites));
      if (catalog.view(type.name()).isEmpty()) {
        byKey(routes, server, "/api/v1/" + type.name() + "/{id}", state);
      }
    }
    routes.get(
        "/api/v1/{name}",
        ctx -> {
          throw catalog.unknownView(ctx.pathParam("name"));
        },
        Scope.READ);
    routes.get(
        "/api/v1/{name}/{id}",
        ctx -> {
          throw catalog.unknownView(ctx.pathParam("name"));
        },
        Scope.READ);
    routes.get(
        "/api/v1/{name}/{id}/{child}",
        ctx -> {
          throw catalog.unknownChild(ctx.pathParam("name"), ctx.pathParam("child"));
        },
        Scope.READ);
  }

  private void installProcesses(RoutesConfig routes, QueryServer server) {
    for (ProcessManager<?, ?> manager : managers) {
      String name = manager.name();
      ProcessListQuery list = new ProcessListQuery(name, clock);
      ProcessQuery one = new ProcessQuery(manager);
      routes.get("/api/v1/processes/" + name, ctx -> server.processList(ctx, list), Scope.READ);
      routes.get(
          "/api/v1/processes/" + name + "/{id}",
          ctx -> server.processByKey(ctx, one),
          Scope.READ,
          Scope.CUSTOMER);
    }
    Handler unknown =
        ctx -> {
          throw new ApiException(
              404,
              "unknown_process_manager",
              "There is no process manager "
                  + ctx.pathParam("name")
                  + "; there are "
                  + managers.stream().map(ProcessManager::name).toList());
        };
    routes.get("/api/v1/processes/{name}", unknown, Scope.READ);
    routes.get("/api/v1/processes/{name}/{id}", unknown, Scope.READ);
  }

  private void installReports(RoutesConfig routes, QueryServer server) {
    ReportCatalog catalog = reports.catalog();
    routes.get("/api/v1/reports", ctx -> ctx.json(catalog.answer()), Scope.REPORT);
    for (Report<?, ?> report : catalog.reports()) {
      ReportQuery<?> query = new ReportQuery<>(report);
      routes.get("/api/v1/reports/" + report.name(), ctx -> server.list(ctx, query), Scope.REPORT);
      routes.get(
          "/api/v1/reports/" + report.name() + "/stream",
          ctx -> reports.streams().stream(ctx, report),
          Scope.REPORT);
    }
    Handler unknown =
        ctx -> {
          throw catalog.unknown(ctx.pathParam("name"));
        };
    routes.get("/api/v1/reports/{name}", unknown, Scope.REPORT);
    routes.get("/api/v1/reports/{name}/stream", unknown, Scope.REPORT);
  }

  private static <P> void byKey(
      RoutesConfig routes, QueryServer server, String path, KeyedQuery<P> query) {
    // A customer may ask; the query tells, by the entry, whether it is the customer's own.
    routes.get(path, ctx -> server.byKey(ctx, query), Scope.READ, Scope.CUSTOMER);
  }
}
