package io.cairn.core.reaction;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * An event another service sent to an inbox, as CloudEvents 1.0 describes it: its context
 * attributes and its data, read as JSON would be (strings, numbers, booleans, lists and maps). The
 * accessors read one field of the data, or say plainly which field is missing or of the wrong kind,
 * which sends the event to the dead-letter queue with that reason.
 *
 * @param id the event's id, unique for its source
 * @param source the context it happened in, a URI reference ({@code /rewards})
 * @param type its type ({@code rewards.PointsAwarded})
 * @param subject what it is about, if the sender said
 * @param time when it happened, if the sender said
 * @param data its data
 */
public record InboundEvent(
    String id, String source, String type, String subject, Instant time, Map<String, Object> data) {

  /** Checks the required attributes and freezes the data. */
  public InboundEvent {
    require("id", id);
    require("source", source);
    require("type", type);
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  /**
   * A text field of the data.
   *
   * @throws IllegalArgumentException when it is missing, blank or not text
   */
  public String text(String field) {
    if (!(data.get(field) instanceof String text) || text.isBlank()) {
      throw new IllegalArgumentException("data." + field + " must be a non-blank string");
    }
    return text;
  }

  /**
   * A whole number of the data.
   *
   * @throws IllegalArgumentException when it is missing or not a whole number
   */
  public long wholeNumber(String field) {
    Object value = data.get(field);
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    throw new IllegalArgumentException("data." + field + " must be a whole number");
  }

  /**
   * An instant of the data, as ISO-8601 text.
   *
   * @throws IllegalArgumentException when it is missing or not an ISO-8601 instant
   */
  public Instant instant(String field) {
    try {
      return Instant.parse(text(field));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("data." + field + " must be an ISO-8601 instant");
    }
  }

  private static void require(String attribute, String value) {
    if (Objects.requireNonNullElse(value, "").isBlank()) {
      throw new IllegalArgumentException("a CloudEvent has a non-blank " + attribute);
    }
  }
}
