package io.cairn.engine.mapping;

import java.lang.reflect.Constructor;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

/**
 * Maps the domain's Java records to the contract's generated Avro records and back, by name: a
 * record component to the Avro field of the same name, a sealed interface's records to a union's
 * records of the same simple names, a record elsewhere to the Avro record in its place, an enum to
 * the Avro enum by symbol, {@code null} to the null branch of a union, an {@link Instant} to a
 * timestamp-millis. {@link TypeCheck} checks a whole type against its schema when an aggregate type
 * is bound to the contract, so a mismatch stops start-up rather than the first command that meets
 * it.
 */
public final class RecordMapper {
  private final Map<Class<?>, RecordShape> shapes = new ConcurrentHashMap<>();
  private final Map<Class<?>, Map<String, Class<?>>> permitted = new ConcurrentHashMap<>();
  private final Map<String, Constructor<?>> generated = new ConcurrentHashMap<>();
  private final Map<String, Class<?>> generatedEnums = new ConcurrentHashMap<>();

  /** The Avro value of a domain value, for the given schema. */
  public Object toAvro(Object value, Schema schema) {
    if (value == null) {
      return null;
    }
    return switch (schema.getType()) {
      case UNION -> toAvro(value, branchFor(value, schema));
      case RECORD -> record((Record) value, schema);
      case ENUM -> avroEnum(schema, ((Enum<?>) value).name());
      case ARRAY ->
          ((List<?>) value).stream().map(e -> toAvro(e, schema.getElementType())).toList();
      case MAP -> mapValues((Map<?, ?>) value, v -> toAvro(v, schema.getValueType()));
      case LONG -> value instanceof Instant ? value : ((Number) value).longValue();
      case INT -> ((Number) value).intValue();
      default -> value;
    };
  }

  /** The domain value of an Avro value, as the given Java type. */
  public Object fromAvro(Object value, Schema schema, Type type) {
    if (value == null) {
      return null;
    }
    return switch (schema.getType()) {
      case UNION -> fromAvro(value, branchOf(value, schema), type);
      case RECORD -> domainRecord((IndexedRecord) value, schema, Types.raw(type));
      case ENUM -> domainEnum(Types.raw(type), value.toString());
      case ARRAY ->
          ((List<?>) value)
              .stream()
                  .map(e -> fromAvro(e, schema.getElementType(), Types.argument(type, 0)))
                  .toList();
      case MAP ->
          mapValues(
              (Map<?, ?>) value, v -> fromAvro(v, schema.getValueType(), Types.argument(type, 1)));
      case STRING -> value.toString();
      case LONG ->
          schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
                  && value instanceof Long millis
              ? Instant.ofEpochMilli(millis)
              : value;
      default -> value;
    };
  }

  /**
   * The domain record of a generated Avro record, choosing the sealed interface's permitted record
   * by name.
   */
  public <T> T fromAvro(IndexedRecord value, Class<T> type) {
    return type.cast(fromAvro(value, value.getSchema(), type));
  }

  private IndexedRecord record(Record value, Schema schema) {
    IndexedRecord avro = newGenerated(schema);
    RecordShape shape = shape(value.getClass());
    for (int i = 0; i < shape.size(); i++) {
      Schema.Field field = schema.getField(shape.name(i));
      avro.put(field.pos(), toAvro(shape.read(i, value), field.schema()));
    }
    return avro;
  }

  private Object domainRecord(IndexedRecord value, Schema schema, Class<?> type) {
    RecordShape shape = shape(type.isSealed() ? permittedNamed(type, schema.getName()) : type);
    Object[] arguments = new Object[shape.size()];
    for (int i = 0; i < arguments.length; i++) {
      Schema.Field field = schema.getField(shape.name(i));
      arguments[i] = fromAvro(value.get(field.pos()), field.schema(), shape.type(i));
    }
    return shape.build(arguments);
  }

  private RecordShape shape(Class<?> record) {
    return shapes.computeIfAbsent(record, RecordShape::new);
  }

  private Class<?> permittedNamed(Class<?> sealed, String simpleName) {
    return permitted
        .computeIfAbsent(sealed, any -> new ConcurrentHashMap<>())
        .computeIfAbsent(simpleName, name -> Types.permittedNamed(sealed, name));
  }

  /** A new, empty instance of the generated class of a record schema. */
  public IndexedRecord newRecord(Schema schema) {
    return newGenerated(schema);
  }

  private IndexedRecord newGenerated(Schema schema) {
    try {
      return (IndexedRecord)
          generated
              .computeIfAbsent(schema.getFullName(), name -> Types.noArgConstructor(name))
              .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new MappingException("cannot build the Avro record " + schema.getFullName(), e);
    }
  }

  /**
   * The branch of a union an Avro value is in: a nullable value's one branch, whatever its type (an
   * Instant of a timestamp is no Avro type the generic model knows), or the branch named after the
   * value's record.
   */
  private static Schema branchOf(Object value, Schema union) {
    List<Schema> values =
        union.getTypes().stream().filter(branch -> branch.getType() != Schema.Type.NULL).toList();
    return values.size() == 1
        ? values.getFirst()
        : union.getTypes().get(GenericData.get().resolveUnion(union, value));
  }

  private static Schema branchFor(Object value, Schema union) {
    List<Schema> values =
        union.getTypes().stream().filter(branch -> branch.getType() != Schema.Type.NULL).toList();
    if (values.size() == 1) {
      return values.getFirst(); // a nullable value: its one branch, whatever its record's name
    }
    String name = value instanceof Record ? value.getClass().getSimpleName() : null;
    return values.stream()
        .filter(branch -> name == null || branch.getName().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new MappingException(
                    union + " has no branch for a " + value.getClass().getSimpleName()));
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // the enum class is the one the schema names
  private Object avroEnum(Schema schema, String symbol) {
    return Enum.valueOf(
        (Class) generatedEnums.computeIfAbsent(schema.getFullName(), Types::forName), symbol);
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // the type is the record component's enum type
  private static Object domainEnum(Class<?> type, String symbol) {
    return Enum.valueOf((Class) type, symbol);
  }

  private static Map<String, Object> mapValues(Map<?, ?> map, Function<Object, Object> convert) {
    Map<String, Object> converted = new LinkedHashMap<>();
    map.forEach((key, value) -> converted.put(key.toString(), convert.apply(value)));
    return converted;
  }
}
