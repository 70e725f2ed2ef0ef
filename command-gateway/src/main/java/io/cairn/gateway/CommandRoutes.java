package io.cairn.gateway;

import io.cairn.avro.replies.CommandReply;
import io.cairn.web.ErrorResponses;
import io.cairn.web.RequestLogContext;
import io.cairn.web.SealedAnswers;
import io.cairn.web.auth.ClusterSecret;
import io.cairn.web.auth.Principal;
import io.cairn.web.auth.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;

/** The command endpoint: POST /api/v1/{type}/{id}/commands. */
public final class CommandRoutes {
  private final CommandGateway gateway;
  private final ClusterSecret tokens;
  private final SealedAnswers sealed;

  /**
   * Routes onto a running gateway.
   *
   * @param tokens seals the consistency tokens of the answers
   * @param sealed opens the sealed personal values of the events an answer shows
   */
  public CommandRoutes(CommandGateway gateway, ClusterSecret tokens, SealedAnswers sealed) {
    this.gateway = gateway;
    this.tokens = tokens;
    this.sealed = sealed;
  }

  /** Installs the command route. */
  public void install(RoutesConfig routes) {
    routes.post("/api/v1/{type}/{id}/commands", this::command, Scope.COMMAND, Scope.CUSTOMER);
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
            actor(ctx),
            Principal.customerOnly(ctx));
    ctx.future(
        () -> {
          CompletableFuture<CommandReply> reply = gateway.submit(http);
          RequestLogContext.remember(ctx);
          return reply.handle(
              RequestLogContext.carried(ctx, (outcome, failure) -> answer(ctx, outcome, failure)));
        });
  }

  /**
   * Who sends the command, for the audit trail: the token's subject when requests are
   * authenticated, else what the Actor header says.
   */
  private static String actor(Context ctx) {
    return Principal.of(ctx).subject().orElse(ctx.header("Actor"));
  }

  private Void answer(Context ctx, CommandReply reply, Throwable failure) {
    if (failure == null) {
      CommandResponses.write(ctx, reply, tokens, sealed);
      return null;
    }
    ErrorResponses.sendFailure(ctx, failure);
    return null;
  }
}
