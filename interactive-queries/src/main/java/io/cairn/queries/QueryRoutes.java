package io.cairn.queries;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.cairn.topology.aggregate.AggregateType;
import io.cairn.topology.views.HistoryReplay;
import io.cairn.topology.views.ListProjection;
import io.cairn.topology.views.Projection;
import io.cairn.web.ApiException;
import io.cairn.web.ErrorResponses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The query endpoints: a view's list, a view's entry or an aggregate's state by id, an aggregate's
 * events, and the rows of a list view under an entity.
 */
public final class QueryRoutes {
  private static final String TOKEN_HEADER = "Consistency-Token";
  private static final Set<String> AS_OF = Set.of("asOf");
  private final ViewCatalog catalog;
  private final ViewQueries views;
  private final TimeTravel timeTravel;
  private final ListQueries lists;
  private final ReadYourWrites readYourWrites;
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
    StoreReader reader = new StoreReader(streams, settings.partitions());
    this.catalog = new ViewCatalog(projections, types);
    this.views = new ViewQueries(reader, catalog);
    this.timeTravel =
        new TimeTravel(
            reader,
            catalog,
            views,
            new HistoryReplay(types),
            settings.versionsRetention(),
            settings.clock());
    this.lists = new ListQueries(reader, views.lookup());
    this.readYourWrites = new ReadYourWrites(views);
  }

  /** Installs the query routes. */
  public void install(RoutesConfig routes) {
    // Before the generic routes, which would read "views" as a view's name.
    routes.get(
        "/api/v1/views/status",
        ctx -> ctx.json(Map.of("state", status.state(), "views", status.all())));
    routes.get("/api/v1/{name}", this::list);
    routes.get("/api/v1/{name}/{id}", this::entity);
    routes.get("/api/v1/{name}/{id}/{child}", this::child);
  }

  private void list(Context ctx) {
    Projection<?> projection = catalog.view(ctx.pathParam("name"));
    QueryParams query = params(ctx, PageParams.names(projection.filters()));
    PageParams page = PageParams.read(query, projection.filters());
    Waiting waiting = waiting(ctx, query);
    answer(
        ctx, readYourWrites.await(projection, null, waiting), () -> lists.list(projection, page));
  }

  private void entity(Context ctx) {
    String name = ctx.pathParam("name");
    if (catalog.find(name).isEmpty() && catalog.isType(name)) {
      state(ctx);
      return;
    }
    String id = ctx.pathParam("id");
    Projection<?> projection = catalog.view(name);
    QueryParams query = params(ctx, AS_OF);
    Optional<Instant> asOf = asOf(query);
    Waiting waiting = waiting(ctx, query);
    answer(
        ctx,
        readYourWrites.await(projection, id, waiting),
        () ->
            asOf.map(at -> timeTravel.view(name, id, at))
                .orElseGet(() -> views.view(name, id))
                .orElseThrow(() -> notFound(name, id, asOf)));
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
    QueryParams query = params(ctx, AS_OF);
    Optional<Instant> asOf = asOf(query);
    Waiting waiting = waiting(ctx, query);
    answer(
        ctx,
        readYourWrites.await(
            type,
            id,
            waiting,
            version -> views.aggregate(type, id).filter(e -> e.version() >= version).isPresent()),
        () ->
            AggregateAnswer.of(
                type,
                id,
                asOf.map(at -> timeTravel.aggregate(type, id, at))
                    .orElseGet(() -> views.aggregate(type, id))
                    .orElseThrow(() -> notFound(type, id, asOf))));
  }

  private void rows(Context ctx) {
    String parent = ctx.pathParam("name");
    String id = ctx.pathParam("id");
    ListProjection<?> projection = catalog.list(parent, ctx.pathParam("child"));
    QueryParams query = params(ctx, PageParams.names(projection.filters()));
    PageParams page = PageParams.read(query, projection.filters());
    Waiting waiting = waiting(ctx, query);
    answer(
        ctx,
        readYourWrites.await(projection, id, waiting),
        () -> {
          if (catalog.find(parent).isPresent() && views.view(parent, id).isEmpty()) {
            throw notFound(parent, id);
          }
          return lists.rows(projection, id, page);
        });
  }

  private void events(Context ctx) {
    String type = catalog.type(ctx.pathParam("name")).name();
    String id = ctx.pathParam("id");
    QueryParams query = params(ctx, HistoryParams.NAMES);
    HistoryParams params = HistoryParams.read(query);
    Waiting waiting = waiting(ctx, query);
    answer(
        ctx,
        readYourWrites.await(
            type, id, waiting, version -> !views.history(type, id, version, 1).items().isEmpty()),
        () -> history(type, id, params));
  }

  private ObjectNode history(String type, String id, HistoryParams params) {
    ViewQueries.HistoryPage page = views.history(type, id, params.fromVersion(), params.limit());
    if (page.items().isEmpty() && params.fromVersion() == 1) {
      throw notFound(type, id);
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode items = body.putArray("items");
    page.items().forEach(item -> items.addRawValue(new RawValue(item)));
    Long next = page.nextVersion();
    body.put("nextCursor", next == null ? null : Cursor.of(Long.toString(next)));
    return body;
  }

  /** The instant of an {@code asOf} parameter, if there is one. */
  private static Optional<Instant> asOf(QueryParams query) {
    return query.parsed(
        "asOf", "an ISO-8601 instant such as 2026-11-23T10:15:30Z", Instant::parse, null);
  }

  /** The query parameters, with the read-your-writes ones known to every query. */
  private static QueryParams params(Context ctx, Set<String> names) {
    Set<String> known = new HashSet<>(names);
    known.addAll(Waiting.NAMES);
    return new QueryParams(ctx.queryParamMap(), known);
  }

  /** What to wait for, after which every parameter has been read, so any problem is a 400 now. */
  private static Waiting waiting(Context ctx, QueryParams query) {
    Waiting waiting = Waiting.read(query, ctx.header(TOKEN_HEADER));
    query.check();
    return waiting;
  }

  /** Answers at once when there is nothing to wait for, else once the view is ready. */
  private static void answer(Context ctx, CompletableFuture<Void> ready, Supplier<Object> body) {
    if (ready.isDone() && !ready.isCompletedExceptionally()) {
      ctx.json(body.get());
      return;
    }
    ctx.future(
        () ->
            ready
                .thenApply(done -> body.get())
                .handle(
                    (answer, failure) -> {
                      if (failure != null) {
                        ErrorResponses.sendFailure(ctx, failure);
                      } else {
                        ctx.json(answer);
                      }
                      return null;
                    }));
  }

  private static ApiException notFound(String view, String id, Optional<Instant> asOf) {
    if (asOf.isEmpty()) {
      return notFound(view, id);
    }
    return new ApiException(
        404,
        "not_found",
        "There was no " + view + " entry with id " + id + " at " + asOf.get() + ".",
        Map.of("view", view, "id", id, "asOf", asOf.get().toString()));
  }

  private static ApiException notFound(String view, String id) {
    return new ApiException(
        404,
        "not_found",
        "There is no " + view + " entry with id " + id + ".",
        Map.of("view", view, "id", id));
  }
}
