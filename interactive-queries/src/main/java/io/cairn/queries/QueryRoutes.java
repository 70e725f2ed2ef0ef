package io.cairn.queries;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.cairn.topology.aggregate.AggregateType;
import io.cairn.topology.views.AggregateEntry;
import io.cairn.topology.views.ListProjection;
import io.cairn.topology.views.Projection;
import io.cairn.web.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The query endpoints: a view's list, a view's entry or an aggregate's state by id, an aggregate's
 * events, and the rows of a list view under an entity.
 */
public final class QueryRoutes {
  private final ViewCatalog catalog;
  private final ViewQueries views;
  private final ListQueries lists;

  /**
   * Routes onto the views of a running views application.
   *
   * @param streams the views application
   * @param partitions the partition count of the event topics
   * @param projections the views it keeps
   * @param types the aggregate types whose states and histories it keeps
   */
  public QueryRoutes(
      KafkaStreams streams,
      int partitions,
      List<Projection<?>> projections,
      List<AggregateType<?, ?, ?>> types) {
    StoreReader reader = new StoreReader(streams, partitions);
    this.catalog = new ViewCatalog(projections, types);
    this.views = new ViewQueries(reader, catalog);
    this.lists = new ListQueries(reader, views.lookup());
  }

  /** Installs the query routes. */
  public void install(RoutesConfig routes) {
    routes.get("/api/v1/{name}", this::list);
    routes.get("/api/v1/{name}/{id}", this::entity);
    routes.get("/api/v1/{name}/{id}/{child}", this::child);
  }

  private void list(Context ctx) {
    Projection<?> projection = catalog.view(ctx.pathParam("name"));
    PageParams params = PageParams.read(ctx.queryParamMap(), projection.filters());
    ctx.json(lists.list(projection, params));
  }

  private void entity(Context ctx) {
    String name = ctx.pathParam("name");
    String id = ctx.pathParam("id");
    new QueryParams(ctx.queryParamMap(), Set.of()).check();
    if (catalog.find(name).isEmpty() && catalog.isType(name)) {
      state(ctx);
      return;
    }
    ctx.json(views.view(name, id).orElseThrow(() -> notFound(name, id)));
  }

  private void child(Context ctx) {
    switch (ctx.pathParam("child")) {
      case "events" -> events(ctx);
      case "state" -> state(ctx);
      default -> rows(ctx);
    }
  }

  private void state(Context ctx) {
    String type = ctx.pathParam("name");
    String id = ctx.pathParam("id");
    AggregateEntry<?> entry = views.aggregate(type, id).orElseThrow(() -> notFound(type, id));
    ctx.json(AggregateAnswer.of(type, id, entry));
  }

  private void rows(Context ctx) {
    String parent = ctx.pathParam("name");
    String id = ctx.pathParam("id");
    ListProjection<?> projection = catalog.list(parent, ctx.pathParam("child"));
    PageParams params = PageParams.read(ctx.queryParamMap(), projection.filters());
    if (catalog.find(parent).isPresent() && views.view(parent, id).isEmpty()) {
      throw notFound(parent, id);
    }
    ctx.json(lists.rows(projection, id, params));
  }

  private void events(Context ctx) {
    HistoryParams params = HistoryParams.read(ctx.queryParamMap());
    String type = ctx.pathParam("name");
    String id = ctx.pathParam("id");
    ViewQueries.HistoryPage page = views.history(type, id, params.fromVersion(), params.limit());
    if (page.items().isEmpty() && params.fromVersion() == 1) {
      throw notFound(type, id);
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode items = body.putArray("items");
    page.items().forEach(item -> items.addRawValue(new RawValue(item)));
    Long next = page.nextVersion();
    body.put("nextCursor", next == null ? null : Cursor.of(Long.toString(next)));
    ctx.json(body);
  }

  private static ApiException notFound(String view, String id) {
    return new ApiException(
        404,
        "not_found",
        "There is no " + view + " entry with id " + id + ".",
        Map.of("view", view, "id", id));
  }

  /**
   * An aggregate's state as the API shows it.
   *
   * @param type the aggregate type
   * @param id the aggregate id
   * @param version the version of its latest event
   * @param createdAt when its first event happened
   * @param updatedAt when its latest event happened
   * @param state its state
   */
  record AggregateAnswer(
      String type, String id, long version, Instant createdAt, Instant updatedAt, Object state) {
    static AggregateAnswer of(String type, String id, AggregateEntry<?> entry) {
      return new AggregateAnswer(
          type, id, entry.version(), entry.createdAt(), entry.updatedAt(), entry.state());
    }
  }
}
