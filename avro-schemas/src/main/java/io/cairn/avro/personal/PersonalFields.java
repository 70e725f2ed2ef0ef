package io.cairn.avro.personal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * The personal fields of the contract's records: string fields whose schema says {@code
 * "cairn.personal": true}, at any depth (in nested records, unions and arrays). Declared once, in
 * the contract, they are what erasure makes unreadable.
 */
public final class PersonalFields {
  /** The field property that declares a field personal. */
  public static final String PROPERTY = "cairn.personal";

  private PersonalFields() {}

  /** Whether a field is declared personal. */
  public static boolean isPersonal(Schema.Field field) {
    return Boolean.TRUE.equals(field.getObjectProp(PROPERTY));
  }

  /** Whether a schema holds a personal field anywhere. */
  public static boolean holdsAny(Schema schema) {
    return holdsAny(schema, new ArrayList<>());
  }

  /**
   * The record with each personal field's value changed by the function, its other fields as they
   * were; the record itself is changed, and answered.
   */
  public static <R extends IndexedRecord> R rewrite(R record, UnaryOperator<String> change) {
    rewriteRecord(record, change);
    return record;
  }

  private static void rewriteRecord(IndexedRecord record, UnaryOperator<String> change) {
    for (Schema.Field field : record.getSchema().getFields()) {
      Object value = record.get(field.pos());
      if (value == null) {
        continue;
      }
      if (isPersonal(field) && value instanceof CharSequence text) {
        record.put(field.pos(), change.apply(text.toString()));
      } else {
        rewriteValue(value, change);
      }
    }
  }

  private static void rewriteValue(Object value, UnaryOperator<String> change) {
    if (value instanceof IndexedRecord nested) {
      rewriteRecord(nested, change);
    } else if (value instanceof List<?> items) {
      items.forEach(item -> rewriteValue(item, change));
    }
  }

  private static boolean holdsAny(Schema schema, List<Schema> seen) {
    if (seen.contains(schema)) {
      return false;
    }
    seen.add(schema);
    return switch (schema.getType()) {
      case RECORD ->
          schema.getFields().stream()
              .anyMatch(field -> isPersonal(field) || holdsAny(field.schema(), seen));
      case UNION -> schema.getTypes().stream().anyMatch(branch -> holdsAny(branch, seen));
      case ARRAY -> holdsAny(schema.getElementType(), seen);
      case MAP -> holdsAny(schema.getValueType(), seen);
      default -> false;
    };
  }
}
