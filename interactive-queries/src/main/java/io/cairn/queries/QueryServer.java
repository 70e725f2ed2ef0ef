package io.cairn.queries;

import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.reaction.ProcessManager;
import io.cairn.core.view.Projection;
import io.cairn.engine.streams.StreamsInstance;
import io.cairn.engine.views.ReadSide;
import io.cairn.queries.consistency.ConsistencyWait;
import io.cairn.queries.operations.OperationsHandlers;
import io.cairn.queries.operations.ReadSideOperations;
import io.cairn.queries.operations.ViewsOperations;
import io.cairn.queries.reports.ReportReads;
import io.cairn.queries.routing.AnswerWriter;
import io.cairn.queries.routing.Forwarder;
import io.cairn.queries.routing.KeyedQuery;
import io.cairn.queries.routing.ListGather;
import io.cairn.queries.routing.ListedQuery;
import io.cairn.queries.routing.QueryOptions;
import io.cairn.queries.routing.Reply;
import io.cairn.queries.routing.Request;
import io.cairn.queries.stores.StoreReader;
import io.cairn.queries.stores.StreamsViewsAccess;
import io.cairn.queries.stores.ViewsAccess;
import io.cairn.web.ApiException;
import io.cairn.web.Ids;
import io.cairn.web.auth.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The read side's HTTP edge: interactive queries over the views' stores, each answered where its
 * data lives (a key's query at the instance active for its partition, a list from every instance's
 * part), and the views' status and rebuild. Every query about one key takes the same path, {@link
 * #byKey}; what differs is declared by its {@link KeyedQuery}.
 */
public final class QueryServer implements AutoCloseable {
  private final CurrentViews views;
  private final QueryRoutes routes;
  private final QuerySettings settings;
  private final Forwarder forwarder;
  private final AnswerWriter answers;
  private final OperationsHandlers operations;
  private final AtomicReference<StoreQueries> queries = new AtomicReference<>();
  private final StoreQueries processes;

  /**
   * A query server over views and their operations; tests give their own.
   *
   * @param views the views this instance answers from
   * @param operations the views' status and rebuild
   * @param projections the views, by the names in paths
   * @param types the aggregate types whose states and histories the views keep
   * @param processes the process managers' stores, in the command processors' application
   * @param managers the process managers
   * @param reports the reports, by the names in paths, with their late counts
   */
  QueryServer(
      CurrentViews views,
      ViewsOperations operations,
      List<Projection<?>> projections,
      List<AggregateType<?, ?, ?>> types,
      ViewsAccess processes,
      List<ProcessManager<?, ?>> managers,
      ReportReads reports,
      QuerySettings settings) {
    this.views = views;
    this.settings = settings;
    this.forwarder = new Forwarder(settings.self(), settings.peers());
    this.answers = new AnswerWriter(settings.self(), settings.sealed());
    this.operations = new OperationsHandlers(operations);
    this.processes = StoreQueries.over(processes, settings, forwarder);
    this.routes =
        new QueryRoutes(
            new ViewCatalog(projections, types), managers, reports, settings, this.operations);
  }

  /**
   * The query server of a running read side and command processors.
   *
   * @param commands the command processors, whose stores hold the processes
   * @param managers the process managers they run
   */
  public static QueryServer over(
      ReadSide readSide,
      StreamsInstance commands,
      List<Projection<?>> projections,
      List<AggregateType<?, ?, ?>> types,
      List<ProcessManager<?, ?>> managers,
      ReportReads reports,
      QuerySettings settings) {
    return new QueryServer(
        new ReadSideViews(readSide),
        new ReadSideOperations(readSide),
        projections,
        types,
        new StreamsViewsAccess(commands.streams()),
        managers,
        reports,
        settings);
  }

  /** Installs the query routes. */
  public void install(RoutesConfig config) {
    routes.install(config, this);
  }

  /** Answers a query about the key in the path's {@code {id}}, where the key lives. */
  <P> void byKey(Context ctx, KeyedQuery<P> query) {
    byKey(ctx, query, current());
  }

  /** Answers a query about the process in the path's {@code {id}}, where the process runs. */
  <P> void processByKey(Context ctx, KeyedQuery<P> query) {
    byKey(ctx, query, processes);
  }

  /** Answers a page of a list of processes, gathered from every instance. */
  <P> void processList(Context ctx, ListedQuery<P> query) {
    list(ctx, query, processes);
  }

  private <P> void byKey(Context ctx, KeyedQuery<P> query, StoreQueries current) {
    String key = Ids.require(ctx.pathParam("id"), "id");
    QueryOptions options = QueryOptions.read(ctx, query.parameters().names(), settings.cluster());
    P parameters = query.parameters().read(options.params());
    Request request = options.check(ctx);
    answers.send(
        ctx,
        current
            .router()
            .route(
                request,
                query.routedBy(),
                key,
                reader -> confined(request, reader, key, query, parameters, options.waiting())));
  }

  /** The answer, or a 403 when its client is confined to a customer whose own it is not. */
  private static <P> CompletableFuture<Object> confined(
      Request request,
      StoreReader reader,
      String key,
      KeyedQuery<P> query,
      P parameters,
      ConsistencyWait wait) {
    CompletableFuture<Object> answer;
    try {
      answer = query.answer(reader, key, parameters, wait);
    } catch (RuntimeException refused) {
      answer = CompletableFuture.failedFuture(refused);
    }
    if (request.customer().isEmpty()) {
      return answer;
    }
    String customer = request.customer().get();
    CompletableFuture<Object> answered = answer;
    // Checked whatever the answer, so that a 404 does not tell another customer what exists.
    return answer
        .handle(
            (value, failure) -> {
              if (!query.customerMayRead(reader, key, customer)) {
                throw new ApiException(
                    403, "forbidden", "A customer's token reads only what is that customer's.");
              }
              return answered;
            })
        .thenCompose(Function.identity());
  }

  /**
   * Answers a page of a whole view: this instance's part for the partitions another instance asks
   * of it, or the page gathered from every instance's part.
   */
  <P> void list(Context ctx, ListedQuery<P> query) {
    list(ctx, query, current());
  }

  private <P> void list(Context ctx, ListedQuery<P> query, StoreQueries current) {
    QueryOptions options = QueryOptions.read(ctx, query.parameters().names(), settings.cluster());
    P page = query.parameters().read(options.params());
    Request request = options.check(ctx);
    // Only another instance, by its signature, asks for its part of a list.
    String asked = Principal.of(ctx).instance() ? ctx.header(Forwarder.PARTITIONS) : null;
    if (asked != null) {
      Set<Integer> partitions = ListGather.partitions(asked);
      answers.send(
          ctx,
          query
              .part(current.reader(request.strong()), partitions, page, options.waiting())
              .thenApply(Reply.Local::fresh));
      return;
    }
    answers.send(
        ctx,
        current
            .gather()
            .gather(
                request,
                query.store(),
                query.limit(page),
                (partitions, standby) ->
                    query
                        .part(current.reader(!standby), partitions, page, options.waiting())
                        .join())
            .thenApply(Reply.Local::fresh));
  }

  /** The queries over the views as they run now; a rebuild replaces them. */
  private StoreQueries current() {
    var access = views.now();
    return queries.updateAndGet(
        known ->
            known != null && known.views() == access
                ? known
                : StoreQueries.over(access, settings, forwarder));
  }

  /** Stops forwarding queries, and the views' operations under way. */
  @Override
  public void close() {
    operations.close();
    forwarder.close();
  }
}
