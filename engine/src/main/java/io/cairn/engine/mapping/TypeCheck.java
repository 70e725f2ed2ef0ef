package io.cairn.engine.mapping;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Checks that a domain type and a contract schema fit together by the mapper's rules, all the way
 * down, and lists every place where they do not, by path.
 */
public final class TypeCheck {
  private final List<String> problems = new ArrayList<>();

  private TypeCheck() {}

  /**
   * Every mismatch between a domain type and a schema.
   *
   * @return one sentence per mismatch; empty when they fit
   */
  public static List<String> problems(Type type, Schema schema) {
    TypeCheck check = new TypeCheck();
    check.check(Types.raw(type).getSimpleName(), type, schema);
    return check.problems;
  }

  /**
   * Every mismatch between a union of records and the records of several sealed interfaces
   * together, such as an aggregate type's events and the legacy records its log still holds: each
   * branch is one of their records, by name, and each of their records is a branch.
   *
   * @return one sentence per mismatch; empty when they fit
   */
  public static List<String> problems(List<Class<?>> sealedTypes, Schema union) {
    TypeCheck check = new TypeCheck();
    String path = sealedTypes.getFirst().getSimpleName();
    Map<String, Class<?>> records = new TreeMap<>();
    for (Class<?> interfaceType : sealedTypes) {
      if (!check.expect(
          path, interfaceType.isSealed(), "a sealed interface of records", interfaceType)) {
        return check.problems;
      }
      Arrays.stream(interfaceType.getPermittedSubclasses())
          .forEach(record -> records.put(record.getSimpleName(), record));
    }
    List<Schema> branches =
        union.getType() == Schema.Type.UNION ? union.getTypes() : List.of(union);
    Set<String> named =
        branches.stream().map(Schema::getName).collect(Collectors.toCollection(TreeSet::new));
    if (!records.keySet().equals(named)) {
      check.problems.add(
          path + ": the domain has " + records.keySet() + ", but the schema's union has " + named);
      return check.problems;
    }
    for (Schema branch : branches) {
      check.check(path + "." + branch.getName(), records.get(branch.getName()), branch);
    }
    return check.problems;
  }

  /** Fails with every mismatch between a domain type and a schema. */
  public static void require(Type type, Schema schema) {
    List<String> problems = problems(type, schema);
    if (!problems.isEmpty()) {
      throw new MappingException(
          "the domain type "
              + type.getTypeName()
              + " does not fit the schema "
              + schema.getFullName()
              + ":\n  - "
              + String.join("\n  - ", problems));
    }
  }

  private void check(String path, Type type, Schema schema) {
    Class<?> raw = Types.raw(type);
    switch (schema.getType()) {
      case UNION -> union(path, type, schema);
      case RECORD -> record(path, raw, schema);
      case ENUM ->
          expect(
              path,
              raw.isEnum() && symbols(raw).equals(new TreeSet<>(schema.getEnumSymbols())),
              "an enum with the symbols " + schema.getEnumSymbols(),
              raw);
      case ARRAY -> {
        if (expect(path, List.class.isAssignableFrom(raw), "a List", raw)) {
          check(path + "[]", Types.argument(type, 0), schema.getElementType());
        }
      }
      case MAP -> {
        if (expect(path, Map.class.isAssignableFrom(raw), "a Map", raw)) {
          check(path + "{}", Types.argument(type, 1), schema.getValueType());
        }
      }
      case STRING -> expect(path, raw == String.class, "a String", raw);
      case INT -> expect(path, raw == int.class || raw == Integer.class, "an int", raw);
      case BOOLEAN -> expect(path, raw == boolean.class || raw == Boolean.class, "a boolean", raw);
      case LONG ->
          expect(
              path,
              schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
                  ? raw == Instant.class
                  : raw == long.class || raw == Long.class,
              schema.getLogicalType() == null ? "a long" : "an Instant",
              raw);
      default ->
          problems.add(path + ": the schema's " + schema.getType() + " has no domain mapping");
    }
  }

  private void union(String path, Type type, Schema schema) {
    List<Schema> branches =
        schema.getTypes().stream().filter(b -> b.getType() != Schema.Type.NULL).toList();
    Class<?> raw = Types.raw(type);
    if (branches.size() == 1) {
      expect(path, !raw.isPrimitive(), "a reference type, since the schema allows null", raw);
      check(path, type, branches.getFirst());
      return;
    }
    if (!expect(path, raw.isSealed(), "a sealed interface of records", raw)) {
      return;
    }
    Set<String> permitted =
        Arrays.stream(raw.getPermittedSubclasses())
            .map(Class::getSimpleName)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> named =
        branches.stream().map(Schema::getName).collect(Collectors.toCollection(TreeSet::new));
    if (!permitted.equals(named)) {
      problems.add(
          path
              + ": "
              + raw.getSimpleName()
              + " permits "
              + permitted
              + ", but the schema's union has "
              + named);
      return;
    }
    for (Schema branch : branches) {
      check(path + "." + branch.getName(), Types.permittedNamed(raw, branch.getName()), branch);
    }
  }

  private void record(String path, Class<?> raw, Schema schema) {
    // A record is found by name only where it is a union's branch; elsewhere its place says
    // which schema it is, so one domain record can serve two same-shaped records of the contract.
    if (!expect(path, raw.isRecord(), "a record", raw)) {
      return;
    }
    Set<String> components =
        Arrays.stream(raw.getRecordComponents())
            .map(RecordComponent::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> fields =
        schema.getFields().stream()
            .map(Schema.Field::name)
            .collect(Collectors.toCollection(TreeSet::new));
    if (!components.equals(fields)) {
      problems.add(path + ": the record has " + components + ", but the schema has " + fields);
      return;
    }
    for (RecordComponent component : raw.getRecordComponents()) {
      check(
          path + "." + component.getName(),
          component.getGenericType(),
          schema.getField(component.getName()).schema());
    }
  }

  private boolean expect(String path, boolean fits, String expected, Class<?> actual) {
    if (!fits) {
      problems.add(
          path + ": the schema wants " + expected + ", the domain has " + actual.getSimpleName());
    }
    return fits;
  }

  private static Set<String> symbols(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(c -> ((Enum<?>) c).name())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
