package io.cairn.engine.reactions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cairn.core.reaction.Publication;
import io.cairn.kafka.topics.CairnTopics;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes integration events as CloudEvents 1.0 in structured JSON mode ({@code content-type:
 * application/cloudevents+json}), keyed by their subject. An event's id derives from the domain
 * event it was made from and its publication, so a consumer can tell a repeat by the id alone.
 */
final class IntegrationWriter {
  /** Instants as RFC 3339 text, as CloudEvents and most JSON readers expect. */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private final CairnTopics topics;
  private final UnaryOperator<JsonNode> published;

  /**
   * @param published what an event's data passes through: the opening of its sealed values
   */
  IntegrationWriter(CairnTopics topics, UnaryOperator<JsonNode> published) {
    this.topics = topics;
    this.published = published;
  }

  /**
   * The record of an integration event.
   *
   * @param publication the publication it belongs to
   * @param aggregateType the aggregate type of the domain event it was made from
   * @param cause the domain event: its id, flow and time
   */
  ProducerRecord<byte[], byte[]> write(
      String publication, Publication.IntegrationEvent event, String aggregateType, Cause cause) {
    ObjectNode json = JSON.createObjectNode();
    json.put("specversion", "1.0");
    json.put("id", id(publication, cause.id()));
    json.put("source", "/cairn/" + aggregateType);
    json.put("type", event.type());
    json.put("subject", event.subject());
    // The domain event's own time, as its envelope keeps it: to the millisecond.
    json.put("time", cause.at().truncatedTo(ChronoUnit.MILLIS).toString());
    json.put("datacontenttype", "application/json");
    json.put("correlationid", cause.correlationId());
    json.put("causationid", cause.id());
    json.set("data", published.apply(JSON.valueToTree(event.data())));
    RecordHeaders headers = new RecordHeaders();
    headers.add("content-type", bytes("application/cloudevents+json; charset=UTF-8"));
    return new ProducerRecord<>(
        topics.integration(publication).name(),
        null,
        bytes(event.subject()),
        bytes(text(json)),
        headers);
  }

  private static String id(String publication, String eventId) {
    return UUID.nameUUIDFromBytes(bytes(publication + ":" + eventId)).toString();
  }

  private static String text(ObjectNode json) {
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "an integration event's data cannot be written as JSON", e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
