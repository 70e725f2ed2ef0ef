package io.cairn.avro.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

/**
 * Renders Avro values as the plain JSON that Cairn's HTTP surface speaks: a record is an object of
 * its fields, a union is its branch's value (no type wrapper), an enum is its symbol, a timestamp
 * is an ISO-8601 instant, bytes are base64. Field names are the contract's, so clients meet one
 * vocabulary.
 */
public final class AvroJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AvroJson() {}

  /** The JSON tree of a record. */
  public static ObjectNode tree(IndexedRecord record) {
    return (ObjectNode) node(record, record.getSchema());
  }

  /** The JSON text of a record. */
  public static String text(IndexedRecord record) {
    try {
      return MAPPER.writeValueAsString(tree(record));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static JsonNode node(Object value, Schema schema) {
    if (value == null) {
      return NODES.nullNode();
    }
    return switch (schema.getType()) {
      case RECORD -> record((IndexedRecord) value, schema);
      case UNION ->
          node(value, schema.getTypes().get(GenericData.get().resolveUnion(schema, value)));
      case ARRAY -> array((List<?>) value, schema.getElementType());
      case MAP -> map((Map<?, ?>) value, schema.getValueType());
      case STRING, ENUM -> NODES.textNode(value.toString());
      case INT -> NODES.numberNode(((Number) value).intValue());
      case LONG -> longNode(value, schema);
      case FLOAT, DOUBLE -> NODES.numberNode(((Number) value).doubleValue());
      case BOOLEAN -> NODES.booleanNode((Boolean) value);
      case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(bytes((ByteBuffer) value)));
      case FIXED ->
          NODES.textNode(Base64.getEncoder().encodeToString(((GenericData.Fixed) value).bytes()));
      case NULL -> NODES.nullNode();
    };
  }

  private static ObjectNode record(IndexedRecord record, Schema schema) {
    ObjectNode object = NODES.objectNode();
    for (Schema.Field field : schema.getFields()) {
      object.set(field.name(), node(record.get(field.pos()), field.schema()));
    }
    return object;
  }

  private static ArrayNode array(List<?> values, Schema element) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(value -> array.add(node(value, element)));
    return array;
  }

  private static ObjectNode map(Map<?, ?> values, Schema valueSchema) {
    ObjectNode object = NODES.objectNode();
    values.forEach((key, value) -> object.set(key.toString(), node(value, valueSchema)));
    return object;
  }

  private static JsonNode longNode(Object value, Schema schema) {
    if (value instanceof Instant instant) {
      return NODES.textNode(instant.toString());
    }
    long number = ((Number) value).longValue();
    return schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
        ? NODES.textNode(Instant.ofEpochMilli(number).toString())
        : NODES.numberNode(number);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
