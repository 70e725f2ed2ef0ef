package io.cairn.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exception table of Cairn's HTTP surface: every way a request can fail, mapped in this one
 * place to a status and an {@link ApiError}. A failure Cairn did not foresee is a 500 with a
 * reference that is also in the log beside the stack trace; no stack trace ever reaches a client.
 */
public final class ErrorResponses {
  private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  /** Installs the table, and the JSON error page of the web server beneath the framework. */
  public static void install(JavalinConfig config, ObjectMapper mapper) {
    config.routes.exception(ApiException.class, (e, ctx) -> send(ctx, e));
    config.routes.exception(
        HttpResponseException.class,
        (e, ctx) -> send(ctx, e.getStatus(), frameworkError(e.getStatus(), e.getMessage())));
    config.routes.exception(Exception.class, ErrorResponses::unexpected);
    config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorPage(mapper)));
  }

  /** Writes the answer an {@link ApiException} stands for, headers included. */
  public static void send(Context ctx, ApiException e) {
    e.headers().forEach(ctx::header);
    send(ctx, e.status(), e.error());
  }

  /**
   * Writes the answer of an asynchronous handler's failure when it is an {@link ApiException}, and
   * rethrows anything else for the exception table to map.
   */
  public static void sendFailure(Context ctx, Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof ApiException api) {
      send(ctx, api);
      return;
    }
    throw failure instanceof CompletionException completion
        ? completion
        : new CompletionException(cause);
  }

  /** Writes an error in the one shape. */
  public static void send(Context ctx, int status, ApiError error) {
    ctx.status(status).json(error);
  }

  static ApiError frameworkError(int status, String message) {
    String sentence = message == null || message.isBlank() ? "The request failed." : message;
    return new ApiError(ErrorCodes.forStatus(status), sentence, Map.of());
  }

  private static void unexpected(Exception e, Context ctx) {
    String reference = UUID.randomUUID().toString();
    RequestLogContext.during(
        ctx,
        () ->
            log.error(
                "Unexpected failure of {} {} (reference {})",
                ctx.method(),
                ctx.path(),
                reference,
                e));
    send(
        ctx,
        500,
        new ApiError(
            "internal_error",
            "Cairn failed to handle this request; the failure is logged with reference "
                + reference
                + ".",
            Map.of("reference", reference)));
  }
}
