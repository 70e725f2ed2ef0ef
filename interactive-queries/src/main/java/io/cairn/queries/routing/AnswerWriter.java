package io.cairn.queries.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.web.ErrorResponses;
import io.cairn.web.Json;
import io.cairn.web.SealedAnswers;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Writes a query's {@link Reply}: at once when it is ready, else when it completes, never holding a
 * request thread. Every answer names the instance whose stores gave it, and says when that was a
 * standby's copy.
 */
public final class AnswerWriter {
  /** Names the instance whose stores answered. */
  public static final String SERVED_BY = "Cairn-Served-By";

  /** Says the answer came from a standby's copy. */
  public static final String STALE = "Cairn-Stale";

  /** How many records that copy trailed its changelog by. */
  public static final String STANDBY_LAG = "Cairn-Standby-Lag-Records";

  /** The headers of another instance's answer that are passed on. */
  private static final List<String> PASSED_ON =
      List.of("Content-Type", "Retry-After", SERVED_BY, STALE, STANDBY_LAG);

  private final String self;
  private final SealedAnswers sealed;
  private final ObjectMapper json = Json.newMapper();

  /**
   * A writer of the answers of the instance at this address.
   *
   * @param sealed opens the sealed personal values of an answer
   */
  public AnswerWriter(HostInfo self, SealedAnswers sealed) {
    this.self = Forwarder.name(self);
    this.sealed = sealed;
  }

  /** Writes the reply once it is ready, or the error it failed with. */
  public void send(Context ctx, CompletableFuture<Reply> reply) {
    if (reply.isDone() && !reply.isCompletedExceptionally()) {
      write(ctx, reply.join());
      return;
    }
    ctx.future(
        () ->
            reply.handle(
                (answer, failure) -> {
                  if (failure != null) {
                    ctx.header(SERVED_BY, self);
                    ErrorResponses.sendFailure(ctx, failure);
                  } else {
                    write(ctx, answer);
                  }
                  return null;
                }));
  }

  private void write(Context ctx, Reply reply) {
    switch (reply) {
      case Reply.Local local -> {
        ctx.header(SERVED_BY, self);
        if (local.stale()) {
          ctx.header(STALE, "true");
          if (local.lagRecords() != null) {
            ctx.header(STANDBY_LAG, Long.toString(local.lagRecords()));
          }
        }
        ctx.contentType(ContentType.APPLICATION_JSON).result(sealed.opened(bytes(local.body())));
      }
      // Another instance opened what it answers: it holds the same keys.
      case Reply.Remote(HttpResponse<String> response) -> {
        ctx.status(response.statusCode());
        for (String name : PASSED_ON) {
          response.headers().firstValue(name).ifPresent(value -> ctx.header(name, value));
        }
        ctx.result(response.body());
      }
    }
  }

  private byte[] bytes(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an answer that is not JSON", e);
    }
  }
}
