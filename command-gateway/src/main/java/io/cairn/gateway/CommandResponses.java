package io.cairn.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.avro.replies.CommandReply;
import io.cairn.avro.replies.ReplyEvent;
import io.cairn.kafka.topics.CommandHeaders;
import io.cairn.web.ApiError;
import io.cairn.web.ErrorResponses;
import io.cairn.web.SealedAnswers;
import io.cairn.web.auth.ClusterSecret;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a command's reply as its HTTP answer: the events it caused, or why it was not accepted.
 */
final class CommandResponses {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CommandResponses() {}

  /**
   * @param sealed opens the sealed personal values of the events the answer shows
   */
  static void write(Context ctx, CommandReply reply, ClusterSecret tokens, SealedAnswers sealed) {
    if (reply.getReplayed()) {
      ctx.header("Idempotent-Replayed", "true");
    }
    switch (reply.getOutcome()) {
      case ACCEPTED -> accepted(ctx, reply, tokens, sealed);
      case VERSION_CONFLICT -> refused(ctx, 409, reply);
      case IDEMPOTENCY_KEY_REUSED -> refused(ctx, 422, reply);
      case REJECTED -> refused(ctx, rejectedStatus(reply.getError().getCode()), reply);
    }
  }

  private static int rejectedStatus(String code) {
    return switch (code) {
      case "command_failed" -> 500;
      case CommandHeaders.FORBIDDEN -> 403;
      default -> 422;
    };
  }

  private static void accepted(
      Context ctx, CommandReply reply, ClusterSecret tokens, SealedAnswers sealed) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", reply.getAggregateType());
    body.put("id", reply.getAggregateId());
    body.put("version", reply.getVersion());
    body.put("commandId", reply.getReplayed() ? reply.getFirstCommandId() : reply.getCommandId());
    body.put("events", reply.getEvents().stream().map(CommandResponses::event).toList());
    body.put("consistencyToken", consistencyToken(reply, tokens));
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an answer that is not JSON", e);
    }
    ctx.header("ETag", "\"" + reply.getVersion() + "\"")
        .status(200)
        .contentType(ContentType.APPLICATION_JSON)
        .result(sealed.opened(json));
  }

  private static Map<String, Object> event(ReplyEvent event) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", event.getType());
    json.put("version", event.getVersion());
    json.put("occurredAt", event.getOccurredAt().toString());
    json.put("payload", tree(event.getPayloadJson()));
    return json;
  }

  private static void refused(Context ctx, int status, CommandReply reply) {
    String code = status == 500 ? "internal_error" : reply.getError().getCode();
    ErrorResponses.send(
        ctx,
        status,
        // A customer refused another's aggregate learns nothing of it, not even its version.
        new ApiError(
            code, reply.getError().getMessage(), status == 403 ? Map.of() : details(reply)));
  }

  @SuppressWarnings("unchecked") // the processor writes details as a JSON object
  private static Map<String, Object> details(CommandReply reply) {
    try {
      Map<String, Object> details =
          new LinkedHashMap<>(JSON.readValue(reply.getError().getDetailsJson(), Map.class));
      details.put("version", reply.getVersion());
      return details;
    } catch (JsonProcessingException e) {
      return Map.of("version", reply.getVersion());
    }
  }

  /**
   * An opaque token that names the command's place in the event log: its aggregate, partition and
   * resulting version. A query that carries it waits until its view has caught up with that place.
   * It is sealed with the cluster's secret, so that a forged one is refused at once rather than
   * waited on.
   */
  static String consistencyToken(CommandReply reply, ClusterSecret tokens) {
    String place =
        String.join(
            "|",
            List.of(
                "v1",
                reply.getAggregateType(),
                Integer.toString(reply.getCommandPartition()),
                reply.getAggregateId(),
                Long.toString(reply.getVersion())));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(tokens.seal(place).getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an event payload is not JSON", e);
    }
  }
}
