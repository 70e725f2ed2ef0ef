package io.cairn.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.web.FieldProblem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * Reads a command's JSON payload into the contract's Avro record, by the schema: every field is
 * checked for presence, type and the {@code cairn.*} constraints its schema declares (min, max,
 * minLength, maxLength, minItems, maxItems, format), and every problem is reported, not only the
 * first. Nothing malformed gets past it to Kafka.
 */
final class CommandParser {
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  /** The outcome: the record, or every problem found. */
  record Parsed(IndexedRecord record, List<FieldProblem> problems) {}

  Parsed parse(JsonNode json, Schema schema, String path) {
    List<FieldProblem> problems = new ArrayList<>();
    Object value = value(json, schema, path, problems);
    return new Parsed(problems.isEmpty() ? (IndexedRecord) value : null, List.copyOf(problems));
  }

  private Object value(JsonNode json, Schema schema, String path, List<FieldProblem> problems) {
    return switch (schema.getType()) {
      case RECORD -> record(json, schema, path, problems);
      case UNION -> union(json, schema, path, problems);
      case STRING -> string(json, schema, path, problems);
      case INT -> integral(json, schema, path, problems, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case LONG ->
          schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
              ? timestamp(json, path, problems)
              : integral(json, schema, path, problems, Long.MIN_VALUE, Long.MAX_VALUE);
      case BOOLEAN ->
          json.isBoolean()
              ? json.booleanValue()
              : problem(problems, FieldProblem.wrongType(path, "true or false"));
      case ARRAY -> array(json, schema, path, problems);
      default -> problem(problems, FieldProblem.wrongType(path, "a value this API does not take"));
    };
  }

  private Object record(JsonNode json, Schema schema, String path, List<FieldProblem> problems) {
    if (!json.isObject()) {
      return problem(problems, FieldProblem.wrongType(path, "an object"));
    }
    IndexedRecord record = (IndexedRecord) SpecificData.get().newRecord(null, schema);
    for (Schema.Field field : schema.getFields()) {
      String fieldPath = path + "." + field.name();
      JsonNode value = json.get(field.name());
      if (value == null || value.isNull()) {
        if (field.hasDefaultValue() && field.defaultVal() == JsonProperties.NULL_VALUE) {
          record.put(field.pos(), null);
        } else {
          problems.add(FieldProblem.missing(fieldPath));
        }
        continue;
      }
      Object converted = value(value, field.schema(), fieldPath, problems, field);
      if (converted != null) {
        record.put(field.pos(), converted); // a refused value is reported, never put
      }
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (schema.getField(name) == null) {
        problems.add(FieldProblem.unknown(path + "." + name));
      }
    }
    return record;
  }

  /** A field's value: its constraints live on the field, so they are checked here. */
  private Object value(
      JsonNode json, Schema schema, String path, List<FieldProblem> problems, Schema.Field field) {
    Object value = value(json, schema, path, problems);
    Constraints.of(field).check(value, path).ifPresent(problems::add);
    return value;
  }

  private Object union(JsonNode json, Schema schema, String path, List<FieldProblem> problems) {
    Optional<Schema> nonNull =
        schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst();
    if (json.isNull()) {
      return null;
    }
    return value(json, nonNull.orElseThrow(), path, problems);
  }

  private Object string(JsonNode json, Schema schema, String path, List<FieldProblem> problems) {
    return json.isTextual()
        ? json.textValue()
        : problem(problems, FieldProblem.wrongType(path, "a string"));
  }

  /** A timestamp, written as the API writes them: RFC 3339, such as 2026-12-02T10:00:00Z. */
  private Object timestamp(JsonNode json, String path, List<FieldProblem> problems) {
    FieldProblem notOne = FieldProblem.wrongType(path, "an RFC 3339 date-time");
    if (!json.isTextual()) {
      return problem(problems, notOne);
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(json.textValue()).toInstant().truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      return problem(problems, notOne);
    }
    if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
      return problem(problems, FieldProblem.outOfRange(path, "in the years 1 to 9999"));
    }
    return at;
  }

  private Object integral(
      JsonNode json, Schema schema, String path, List<FieldProblem> problems, long min, long max) {
    if (!json.isIntegralNumber()) {
      return problem(problems, FieldProblem.wrongType(path, "a whole number"));
    }
    if (!json.canConvertToLong() || json.longValue() < min || json.longValue() > max) {
      return problem(problems, FieldProblem.outOfRange(path, "between " + min + " and " + max));
    }
    return schema.getType() == Schema.Type.INT
        ? (Object) json.intValue()
        : (Object) json.longValue();
  }

  private Object array(JsonNode json, Schema schema, String path, List<FieldProblem> problems) {
    if (!json.isArray()) {
      return problem(problems, FieldProblem.wrongType(path, "an array"));
    }
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      items.add(value(json.get(i), schema.getElementType(), path + "[" + i + "]", problems));
    }
    return items;
  }

  private static Object problem(List<FieldProblem> problems, FieldProblem problem) {
    problems.add(problem);
    return null;
  }
}
