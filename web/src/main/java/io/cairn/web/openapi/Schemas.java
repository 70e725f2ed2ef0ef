package io.cairn.web.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Small JSON Schemas (draft 2020-12) that routes describe their answers with. */
public final class Schemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Schemas() {}

  /** Any string. */
  public static ObjectNode string() {
    return typed("string");
  }

  /** A string or null. */
  public static ObjectNode nullableString() {
    ObjectNode node = NODES.objectNode();
    node.putArray("type").add("string").add("null");
    return node;
  }

  /** A date-time in ISO-8601, as every instant is written. */
  public static ObjectNode instant() {
    return typed("string").put("format", "date-time");
  }

  /** A whole number. */
  public static ObjectNode integer() {
    return typed("integer");
  }

  /** A whole number within bounds. */
  public static ObjectNode integer(long minimum, long maximum) {
    return typed("integer").put("minimum", minimum).put("maximum", maximum);
  }

  /** A number, whole or not. */
  public static ObjectNode number() {
    return typed("number");
  }

  /** One of these strings. */
  public static ObjectNode oneOf(Iterable<String> values) {
    ObjectNode node = typed("string");
    ArrayNode symbols = node.putArray("enum");
    values.forEach(symbols::add);
    return node;
  }

  /** Exactly this value. */
  public static ObjectNode constant(String value) {
    return NODES.objectNode().put("const", value);
  }

  /** Exactly one of the shapes, one made for each of the values (each command of a type). */
  public static <T> ObjectNode oneOfEach(Iterable<T> values, Function<T, ObjectNode> shape) {
    ObjectNode node = NODES.objectNode();
    ArrayNode shapes = node.putArray("oneOf");
    values.forEach(value -> shapes.add(shape.apply(value)));
    return node;
  }

  /** An array of items of a schema. */
  public static ObjectNode arrayOf(ObjectNode items) {
    return typed("array").set("items", items);
  }

  /** An object whose values, under any name, have a schema. */
  public static ObjectNode mapOf(ObjectNode values) {
    return typed("object").set("additionalProperties", values);
  }

  /** An object of which nothing is promised. */
  public static ObjectNode anyObject() {
    return typed("object");
  }

  /** Any JSON value. */
  public static ObjectNode anything() {
    return NODES.objectNode();
  }

  /**
   * An object with exactly these properties, each required: the shape of an answer a route builds
   * by hand. Properties are kept in the order given.
   */
  public static ObjectNode object(Map<String, ObjectNode> properties) {
    ObjectNode node = typed("object").put("additionalProperties", false);
    ObjectNode props = node.putObject("properties");
    ArrayNode required = node.putArray("required");
    properties.forEach(
        (name, schema) -> {
          props.set(name, schema);
          required.add(name);
        });
    return node;
  }

  /** A reference to a named schema of the document's components. */
  public static ObjectNode reference(String name) {
    return NODES.objectNode().put("$ref", "#/" + RecordSchemas.DEFINITIONS + "/" + name);
  }

  /**
   * The name of the schema of an event's payload, as every module that answers with it names it.
   */
  public static String eventName(String aggregateType, String event) {
    return aggregateType + "." + event;
  }

  /** A page of a list: its items and the cursor of the next page, null on the last. */
  public static ObjectNode page(ObjectNode item) {
    return object(ordered("items", arrayOf(item), "nextCursor", nullableString()));
  }

  /** Properties in the order given, as pairs of name and schema. */
  public static Map<String, ObjectNode> ordered(Object... pairs) {
    Map<String, ObjectNode> properties = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      properties.put((String) pairs[i], (ObjectNode) pairs[i + 1]);
    }
    return properties;
  }

  private static ObjectNode typed(String type) {
    return NODES.objectNode().put("type", type);
  }
}
