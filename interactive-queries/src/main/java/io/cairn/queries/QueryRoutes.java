package io.cairn.queries;

import io.cairn.topology.aggregate.AggregateType;
import io.cairn.topology.views.HistoryReplay;
import io.cairn.topology.views.ListProjection;
import io.cairn.topology.views.Projection;
import io.cairn.topology.views.ViewStores;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The query endpoints: a view's list, a view's entry or an aggregate's state by id, an aggregate's
 * events, and the rows of a list view under an entity. Each is answered where its data lives: a
 * key's query at the instance active for its partition, a list from every instance's part.
 */
public final class QueryRoutes implements AutoCloseable {
  private static final Set<String> AS_OF = Set.of("asOf");

  private final ViewCatalog catalog;
  private final Reads active;
  private final Reads stale;
  private final KeyRouter router;
  private final ListGather gather;
  private final Replies replies;
  private final Forwarder forwarder;
  private final ViewStatus status;

  /**
   * Routes onto the views of a running views application.
   *
   * @param streams the views application
   * @param projections the views it keeps
   * @param types the aggregate types whose states and histories it keeps
   * @param status how far the views trail the event log
   * @param settings what else the queries need to know of the views
   */
  public QueryRoutes(
      KafkaStreams streams,
      List<Projection<?>> projections,
      List<AggregateType<?, ?, ?>> types,
      ViewStatus status,
      QuerySettings settings) {
    this.status = status;
    this.catalog = new ViewCatalog(projections, types);
    Semaphore waiting = new Semaphore(ReadYourWrites.MAX_WAITING);
    this.active =
        reads(new StoreReader(streams, settings.partitions(), false), types, settings, waiting);
    this.stale =
        reads(new StoreReader(streams, settings.partitions(), true), types, settings, waiting);
    this.forwarder = new Forwarder(settings.self());
    this.router = new KeyRouter(streams, settings.self(), forwarder, active, stale);
    this.gather =
        new ListGather(
            streams,
            settings.self(),
            forwarder,
            IntStream.range(0, settings.partitions()).boxed().collect(Collectors.toSet()));
    this.replies = new Replies(settings.self());
  }

  private Reads reads(
      StoreReader reader,
      List<AggregateType<?, ?, ?>> types,
      QuerySettings settings,
      Semaphore waiting) {
    ViewQueries views = new ViewQueries(reader, catalog);
    return new Reads(
        views,
        new ListQueries(reader, views.lookup()),
        new TimeTravel(
            reader,
            catalog,
            views,
            new HistoryReplay(types),
            settings.versionsRetention(),
            settings.clock()),
        new ReadYourWrites(views, waiting));
  }

  /**
   * Installs the query routes, each answered by the routes current when the request comes: the
   * views application they read is replaced when the views are rebuilt, and while there is none,
   * {@code current} throws the error to answer with.
   */
  public static void install(RoutesConfig routes, Supplier<QueryRoutes> current) {
    // Before the generic routes, which would read "views" as a view's name.
    routes.get("/api/v1/views/status", ctx -> current.get().status(ctx));
    routes.get("/api/v1/{name}", ctx -> current.get().list(ctx));
    routes.get("/api/v1/{name}/{id}", ctx -> current.get().entity(ctx));
    routes.get("/api/v1/{name}/{id}/{child}", ctx -> current.get().child(ctx));
  }

  private void status(Context ctx) {
    ctx.json(Map.of("state", status.state(), "views", status.all()));
  }

  private void list(Context ctx) {
    Projection<?> projection = catalog.view(ctx.pathParam("name"));
    QueryOptions query = QueryOptions.read(ctx, PageParams.names(projection.filters()));
    PageParams page = PageParams.read(query.params(), projection.filters());
    Request request = query.check(ctx);
    String store = ViewStores.view(projection.name());
    String parts = ctx.header(Forwarder.PARTITIONS);
    if (parts != null) {
      Set<Integer> partitions = ListGather.partitions(parts);
      Reads reads = request.strong() ? active : stale;
      replies.send(
          ctx,
          reads
              .readYourWrites()
              .awaitIn(projection, partitions, query.waiting())
              .thenApply(
                  done -> Reply.Local.fresh(reads.lists().partial(projection, page, partitions))));
      return;
    }
    replies.send(
        ctx,
        gather
            .gather(
                request,
                store,
                page.limit(),
                (partitions, standby) -> {
                  Reads reads = standby ? stale : active;
                  reads.readYourWrites().awaitIn(projection, partitions, query.waiting()).join();
                  return reads.lists().partial(projection, page, partitions);
                })
            .thenApply(Reply.Local::fresh));
  }

  private void entity(Context ctx) {
    String name = ctx.pathParam("name");
    if (catalog.find(name).isEmpty() && catalog.isType(name)) {
      state(ctx);
      return;
    }
    String id = ctx.pathParam("id");
    Projection<?> projection = catalog.view(name);
    QueryOptions query = QueryOptions.read(ctx, AS_OF);
    Optional<Instant> asOf = asOf(query);
    Request request = query.check(ctx);
    route(
        ctx,
        request,
        ViewStores.view(name),
        id,
        reads ->
            reads
                .readYourWrites()
                .await(projection, id, query.waiting())
                .thenApply(
                    done ->
                        asOf.map(at -> reads.timeTravel().view(name, id, at))
                            .orElseGet(() -> reads.views().view(name, id))
                            .orElseThrow(() -> NotFound.of(name, id, asOf))));
  }

  private void child(Context ctx) {
    switch (ctx.pathParam("child")) {
      case "events" -> events(ctx);
      case "state" -> state(ctx);
      default -> rows(ctx);
    }
  }

  private void state(Context ctx) {
    String type = catalog.type(ctx.pathParam("name")).name();
    String id = ctx.pathParam("id");
    QueryOptions query = QueryOptions.read(ctx, AS_OF);
    Optional<Instant> asOf = asOf(query);
    Request request = query.check(ctx);
    route(
        ctx,
        request,
        ViewStores.aggregate(type),
        id,
        reads ->
            reads
                .readYourWrites()
                .await(
                    type,
                    id,
                    query.waiting(),
                    version ->
                        reads
                            .views()
                            .aggregate(type, id)
                            .filter(e -> e.version() >= version)
                            .isPresent())
                .thenApply(
                    done ->
                        AggregateAnswer.of(
                            type,
                            id,
                            asOf.map(at -> reads.timeTravel().aggregate(type, id, at))
                                .orElseGet(() -> reads.views().aggregate(type, id))
                                .orElseThrow(() -> NotFound.of(type, id, asOf)))));
  }

  private void rows(Context ctx) {
    String parent = ctx.pathParam("name");
    String id = ctx.pathParam("id");
    ListProjection<?> projection = catalog.list(parent, ctx.pathParam("child"));
    QueryOptions query = QueryOptions.read(ctx, PageParams.names(projection.filters()));
    PageParams page = PageParams.read(query.params(), projection.filters());
    Request request = query.check(ctx);
    route(
        ctx,
        request,
        ViewStores.view(projection.name()),
        id,
        reads ->
            reads
                .readYourWrites()
                .await(projection, id, query.waiting())
                .thenApply(
                    done -> {
                      if (catalog.find(parent).isPresent()
                          && reads.views().view(parent, id).isEmpty()) {
                        throw NotFound.of(parent, id, Optional.empty());
                      }
                      return reads.lists().rows(projection, id, page);
                    }));
  }

  private void events(Context ctx) {
    String type = catalog.type(ctx.pathParam("name")).name();
    String id = ctx.pathParam("id");
    QueryOptions query = QueryOptions.read(ctx, HistoryParams.NAMES);
    HistoryParams params = HistoryParams.read(query.params());
    Request request = query.check(ctx);
    route(
        ctx,
        request,
        ViewStores.aggregate(type),
        id,
        reads ->
            reads
                .readYourWrites()
                .await(
                    type,
                    id,
                    query.waiting(),
                    version -> !reads.views().history(type, id, version, 1).items().isEmpty())
                .thenApply(done -> HistoryAnswer.of(reads.views(), type, id, params)));
  }

  private void route(
      Context ctx,
      Request request,
      String store,
      String key,
      Function<Reads, CompletableFuture<Object>> local) {
    replies.send(ctx, router.route(request, store, key, local));
  }

  /** The instant of an {@code asOf} parameter, if there is one. */
  private static Optional<Instant> asOf(QueryOptions query) {
    return query
        .params()
        .parsed("asOf", "an ISO-8601 instant such as 2026-11-23T10:15:30Z", Instant::parse, null);
  }

  /** Stops forwarding queries. */
  @Override
  public void close() {
    forwarder.close();
  }
}
