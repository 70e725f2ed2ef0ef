package io.cairn.queries;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.cairn.web.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** The query endpoints: a view's entry by id, and an aggregate's events. */
public final class QueryRoutes {
  private final ViewQueries queries;

  /** Routes onto the views of a running views application. */
  public QueryRoutes(ViewQueries queries) {
    this.queries = queries;
  }

  /** Installs the query routes. */
  public void install(RoutesConfig routes) {
    routes.get("/api/v1/{type}/{id}/events", this::events);
    routes.get("/api/v1/{view}/{id}", this::view);
  }

  private void view(Context ctx) {
    String id = ctx.pathParam("id");
    Object view =
        queries
            .view(ctx.pathParam("view"), id)
            .orElseThrow(() -> notFound(ctx.pathParam("view"), id));
    ctx.json(view);
  }

  private void events(Context ctx) {
    HistoryParams params = HistoryParams.read(ctx::queryParam);
    String type = ctx.pathParam("type");
    String id = ctx.pathParam("id");
    ViewQueries.HistoryPage page = queries.history(type, id, params.fromVersion(), params.limit());
    if (page.items().isEmpty() && params.fromVersion() == 1) {
      throw notFound(type, id);
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode items = body.putArray("items");
    page.items().forEach(item -> items.addRawValue(new RawValue(item)));
    body.put("nextCursor", page.nextVersion() == null ? null : Cursor.of(page.nextVersion()));
    ctx.json(body);
  }

  private static ApiException notFound(String view, String id) {
    return new ApiException(
        404,
        "not_found",
        "There is no " + view + " entry with id " + id + ".",
        Map.of("view", view, "id", id));
  }
}
