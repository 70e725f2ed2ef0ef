package io.cairn.gateway;

import io.cairn.avro.replies.CommandReply;
import io.cairn.web.ErrorResponses;
import io.cairn.web.RequestLogContext;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;

/** The command endpoint: POST /api/v1/{type}/{id}/commands. */
public final class CommandRoutes {
  private final CommandGateway gateway;

  /** Routes onto a running gateway. */
  public CommandRoutes(CommandGateway gateway) {
    this.gateway = gateway;
  }

  /** Installs the command route. */
  public void install(RoutesConfig routes) {
    routes.post("/api/v1/{type}/{id}/commands", this::command);
  }

  private void command(Context ctx) {
    CommandRequests.Http http =
        new CommandRequests.Http(
            ctx.pathParam("type"),
            ctx.pathParam("id"),
            ctx.contentType(),
            ctx.bodyAsBytes(),
            ctx.header("If-Match"),
            ctx.header("Idempotency-Key"),
            ctx.header("Correlation-Id"),
            ctx.header("Actor"));
    ctx.future(
        () -> {
          CompletableFuture<CommandReply> reply = gateway.submit(http);
          RequestLogContext.remember(ctx);
          return reply.handle(
              RequestLogContext.carried(ctx, (outcome, failure) -> answer(ctx, outcome, failure)));
        });
  }

  private static Void answer(Context ctx, CommandReply reply, Throwable failure) {
    if (failure == null) {
      CommandResponses.write(ctx, reply);
      return null;
    }
    ErrorResponses.sendFailure(ctx, failure);
    return null;
  }
}
