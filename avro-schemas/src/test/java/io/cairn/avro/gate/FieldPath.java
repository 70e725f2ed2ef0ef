package io.cairn.avro.gate;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Turns a location from Avro's compatibility check ({@code /fields/6/type/1/fields/0}) into the
 * field path a person reads ({@code payload.ItemAdded.productId}).
 */
final class FieldPath {
  private FieldPath() {}

  static String of(Schema root, String location) {
    List<String> names = new ArrayList<>();
    Schema node = root;
    String[] segments = location.split("/");
    try {
      for (int i = 0; i < segments.length; i++) {
        switch (segments[i]) {
          case "", "type" -> {}
          case "fields" -> {
            Schema.Field field = node.getFields().get(Integer.parseInt(segments[++i]));
            names.add(field.name());
            node = field.schema();
          }
          case "items" -> node = node.getElementType();
          case "values" -> node = node.getValueType();
          default -> {
            if (node.getType() == Schema.Type.UNION && segments[i].matches("\\d+")) {
              node = node.getTypes().get(Integer.parseInt(segments[i]));
              names.add(node.getName());
            } else {
              names.add(segments[i]);
            }
          }
        }
      }
    } catch (RuntimeException e) {
      return location; // a shape this walk does not know: the raw location still says where
    }
    return String.join(".", names);
  }
}
