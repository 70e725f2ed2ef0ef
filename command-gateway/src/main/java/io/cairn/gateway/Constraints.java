package io.cairn.gateway;

import io.cairn.web.FieldProblem;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The {@code cairn.*} constraints a command field declares in the contract: bounds on numbers,
 * lengths of strings, sizes of arrays, and formats of strings.
 */
record Constraints(
    Long min,
    Long max,
    Integer minLength,
    Integer maxLength,
    Integer minItems,
    Integer maxItems,
    String format) {

  static Constraints of(Schema.Field field) {
    return new Constraints(
        number(field, "cairn.min"),
        number(field, "cairn.max"),
        integer(field, "cairn.minLength"),
        integer(field, "cairn.maxLength"),
        integer(field, "cairn.minItems"),
        integer(field, "cairn.maxItems"),
        (String) field.getObjectProp("cairn.format"));
  }

  /**
   * The first constraint the value breaks, if any; a value already refused is not checked again.
   */
  Optional<FieldProblem> check(Object value, String path) {
    return switch (value) {
      case null -> Optional.empty();
      case Number number -> range(number.longValue(), path);
      case String text -> text(text, path);
      case List<?> items -> size(items.size(), minItems, maxItems, path, "items");
      default -> Optional.empty();
    };
  }

  private Optional<FieldProblem> range(long value, String path) {
    if ((min != null && value < min) || (max != null && value > max)) {
      String range =
          min != null && max != null
              ? "between " + min + " and " + max
              : min != null ? "at least " + min : "at most " + max;
      return Optional.of(FieldProblem.outOfRange(path, range));
    }
    return Optional.empty();
  }

  private Optional<FieldProblem> text(String value, String path) {
    Optional<FieldProblem> length =
        size(value.codePointCount(0, value.length()), minLength, maxLength, path, "characters");
    if (length.isPresent() || format == null) {
      return length;
    }
    return Optional.ofNullable(Formats.violated(format, value))
        .map(phrase -> FieldProblem.invalidFormat(path, phrase));
  }

  private static Optional<FieldProblem> size(
      int size, Integer least, Integer most, String path, String unit) {
    if ((least != null && size < least) || (most != null && size > most)) {
      String range =
          least != null && most != null
              ? least + " to " + most + " " + unit
              : least != null ? "at least " + least + " " + unit : "at most " + most + " " + unit;
      return Optional.of(FieldProblem.outOfRange(path, range));
    }
    return Optional.empty();
  }

  private static Long number(Schema.Field field, String key) {
    Object value = field.getObjectProp(key);
    return value == null ? null : ((Number) value).longValue();
  }

  private static Integer integer(Schema.Field field, String key) {
    Object value = field.getObjectProp(key);
    return value == null ? null : ((Number) value).intValue();
  }
}
