package io.cairn.app.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /asyncapi.json}: the contract of Cairn's topics, as this instance declares them. */
public final class ContractRoutes {
  private final String asyncApi;

  /** Routes serving the document, made once at start-up. */
  public ContractRoutes(ObjectNode asyncApi) {
    this.asyncApi = asyncApi.toString();
  }

  /** Installs the routes. */
  public void install(RoutesConfig routes) {
    routes.get("/asyncapi.json", this::asyncApi);
  }

  private void asyncApi(Context ctx) {
    ctx.contentType("application/json").result(asyncApi);
  }
}
