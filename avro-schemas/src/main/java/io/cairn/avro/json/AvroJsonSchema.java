package io.cairn.avro.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The JSON Schema (draft 2020-12) of the plain JSON that {@link AvroJson} writes for an Avro
 * schema, and that the command gateway reads: every field required, none other allowed, unions as
 * their branches, timestamps as date-times. Each field's {@code cairn.*} constraints become the
 * matching keywords, so a client's validator refuses what the gateway would refuse.
 */
public final class AvroJsonSchema {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  // What the contract's cairn.format values mean, as JSON Schema keywords.
  private static final Map<String, Map<String, String>> FORMATS =
      Map.of(
          "id", Map.of("pattern", "^[A-Za-z0-9._:-]{1,64}$"),
          "email", Map.of("format", "email"),
          "currency", Map.of("pattern", "^[A-Z]{3}$"),
          "duration", Map.of("format", "duration"));
  private static final List<String> COUNTS =
      List.of("minLength", "maxLength", "minItems", "maxItems");

  private AvroJsonSchema() {}

  /** The JSON Schema of the JSON that a value of this Avro schema is written as: every field. */
  public static ObjectNode written(Schema schema) {
    return of(schema, true);
  }

  /**
   * The JSON Schema of the JSON that a value of this Avro schema is read from: a field whose
   * default is null may be left out.
   */
  public static ObjectNode read(Schema schema) {
    return of(schema, false);
  }

  private static ObjectNode of(Schema schema, boolean written) {
    return switch (schema.getType()) {
      case RECORD -> record(schema, written);
      case UNION -> union(schema, written);
      case ARRAY -> typed("array").set("items", of(schema.getElementType(), written));
      case MAP -> typed("object").set("additionalProperties", of(schema.getValueType(), written));
      case ENUM -> enumeration(schema);
      case STRING -> typed("string");
      case INT, LONG ->
          // Written as an instant; read, as the gateway reads it, as milliseconds since the epoch.
          schema.getLogicalType() instanceof LogicalTypes.TimestampMillis && written
              ? typed("string").put("format", "date-time")
              : typed("integer");
      case FLOAT, DOUBLE -> typed("number");
      case BOOLEAN -> typed("boolean");
      case BYTES, FIXED -> typed("string").put("contentEncoding", "base64");
      case NULL -> typed("null");
    };
  }

  private static ObjectNode record(Schema schema, boolean written) {
    ObjectNode object = typed("object").put("additionalProperties", false);
    if (schema.getDoc() != null) {
      object.put("description", schema.getDoc());
    }
    ObjectNode properties = object.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (Schema.Field field : schema.getFields()) {
      ObjectNode property = constrained(of(field.schema(), written), field);
      if (field.doc() != null) {
        property.put("description", field.doc());
      }
      properties.set(field.name(), property);
      if (written || !defaultsToNull(field)) {
        required.add(field.name());
      }
    }
    if (!required.isEmpty()) {
      object.set("required", required);
    }
    return object;
  }

  private static boolean defaultsToNull(Schema.Field field) {
    return field.hasDefaultValue() && field.defaultVal() == JsonProperties.NULL_VALUE;
  }

  private static ObjectNode union(Schema schema, boolean written) {
    ArrayNode branches = NODES.arrayNode();
    schema.getTypes().forEach(branch -> branches.add(of(branch, written)));
    return branches.size() == 1
        ? (ObjectNode) branches.get(0)
        : NODES.objectNode().set("anyOf", branches);
  }

  private static ObjectNode enumeration(Schema schema) {
    ObjectNode node = typed("string");
    ArrayNode symbols = node.putArray("enum");
    schema.getEnumSymbols().forEach(symbols::add);
    return node;
  }

  /** The field's constraints, on its value's schema, or on the non-null branch of a union. */
  private static ObjectNode constrained(ObjectNode schema, Schema.Field field) {
    ObjectNode target = schema;
    if (schema.has("anyOf")) {
      for (var branch : schema.get("anyOf")) {
        if (!"null".equals(branch.path("type").asText())) {
          target = (ObjectNode) branch;
        }
      }
    }
    number(field, "cairn.min", "minimum", target);
    number(field, "cairn.max", "maximum", target);
    for (String count : COUNTS) {
      number(field, "cairn." + count, count, target);
    }
    Object format = field.getObjectProp("cairn.format");
    if (format != null) {
      FORMATS.getOrDefault(format.toString(), Map.of()).forEach(target::put);
    }
    return schema;
  }

  private static void number(Schema.Field field, String prop, String keyword, ObjectNode target) {
    if (field.getObjectProp(prop) instanceof Number value) {
      target.put(keyword, value.longValue());
    }
  }

  private static ObjectNode typed(String type) {
    return NODES.objectNode().put("type", type);
  }
}
