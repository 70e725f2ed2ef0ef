package io.cairn.engine.reactions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.core.reaction.Effect;
import io.cairn.kafka.topics.CairnTopics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The records of an effect's requests topic: each call an appended event asks for, as JSON, with
 * its idempotency key and the event that asked for it. Written by the command processors in the
 * event's transaction, read by the effect's runner.
 */
public final class EffectRequests {
  private static final ObjectMapper JSON = ReactionJson.MAPPER;

  private final CairnTopics topics;

  /**
   * @param topics the topic names
   */
  public EffectRequests(CairnTopics topics) {
    this.topics = topics;
  }

  /**
   * A call as its requests topic keeps it.
   *
   * @param effect the effect
   * @param key the call's idempotency key
   * @param type the request's record, by simple name
   * @param request the request
   * @param supersedes the keys of the earlier calls it makes pointless
   * @param aggregateId the aggregate whose event asked for it, the record's key
   * @param causeId the event's id
   * @param correlationId the event's flow
   * @param at when the event happened
   */
  public record Request(
      String effect,
      String key,
      String type,
      JsonNode request,
      List<String> supersedes,
      String aggregateId,
      String causeId,
      String correlationId,
      Instant at) {

    /** Freezes the list; a request written without one supersedes nothing. */
    public Request {
      supersedes = supersedes == null ? List.of() : List.copyOf(supersedes);
    }

    /** What caused the call, for the command recording its answer. */
    public Cause cause(Instant answeredAt) {
      return new Cause(causeId, correlationId, answeredAt);
    }
  }

  /** The record of a call an appended event asks for. */
  ProducerRecord<byte[], byte[]> write(
      String effect, Effect.Call<?> call, String aggregateId, Cause cause) {
    Request request =
        new Request(
            effect,
            call.key(),
            call.request().getClass().getSimpleName(),
            JSON.valueToTree(call.request()),
            call.supersedes(),
            aggregateId,
            cause.id(),
            cause.correlationId(),
            cause.at());
    try {
      return new ProducerRecord<>(
          topics.effectRequests(effect).name(),
          aggregateId.getBytes(StandardCharsets.UTF_8),
          JSON.writeValueAsBytes(request));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(effect + ": a request cannot be written as JSON", e);
    }
  }

  /**
   * A request read back.
   *
   * @throws IOException when the bytes are not a request
   */
  public static Request read(byte[] value) throws IOException {
    return JSON.readValue(value, Request.class);
  }

  /**
   * The call a request is, as the effect's request record.
   *
   * @throws IllegalArgumentException when the effect has no request of that name, or the JSON does
   *     not fit it
   */
  public static <Q> Effect.Call<Q> call(Request request, Class<Q> requests) {
    Class<?> type =
        Arrays.stream(requests.getPermittedSubclasses())
            .filter(c -> c.getSimpleName().equals(request.type()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        request.effect() + " has no request " + request.type()));
    try {
      return new Effect.Call<>(
          request.key(),
          requests.cast(JSON.treeToValue(request.request(), type)),
          request.supersedes());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          request.effect() + ": request " + request.key() + " does not fit " + type, e);
    }
  }
}
