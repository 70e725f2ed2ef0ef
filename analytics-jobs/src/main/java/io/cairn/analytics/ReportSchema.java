package io.cairn.analytics;

import io.cairn.core.report.Report;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The Avro schema of a report's published windows, made from its declaration: {@code windowStart},
 * {@code windowEnd}, {@code key}, then its measures, with the types of the record analysts see.
 * Measures are numbers, text, instants, or maps of text to numbers; a report whose measures are of
 * another type is refused when its schema is made, at start-up.
 *
 * @param <A> the report's windows' values
 */
public final class ReportSchema<A> {
  private static final String NAMESPACE = "io.cairn.reports";

  private final Report<?, A> report;
  private final Schema schema;
  private final List<RecordComponent> measures;

  private ReportSchema(Report<?, A> report) {
    this.report = report;
    Class<?> shown = report.render(report.empty()).getClass();
    this.measures = Arrays.asList(shown.getRecordComponents());
    this.schema = schema(report, measures);
  }

  /** The schema of a report's windows. */
  public static <A> ReportSchema<A> of(Report<?, A> report) {
    return new ReportSchema<>(report);
  }

  /** The Avro schema. */
  public Schema schema() {
    return schema;
  }

  /** A key's window as a record of this schema. */
  public GenericRecord record(String key, Instant start, A window) {
    GenericRecord record = new GenericData.Record(schema);
    record.put("windowStart", start.toEpochMilli());
    record.put("windowEnd", start.plus(report.windowing().size()).toEpochMilli());
    record.put("key", key);
    Object shown = report.render(window);
    for (RecordComponent measure : measures) {
      record.put(measure.getName(), avroValue(read(measure, shown)));
    }
    return record;
  }

  private static Object read(RecordComponent measure, Object shown) {
    try {
      return measure.getAccessor().invoke(shown);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + measure.getName() + " of a window", e);
    }
  }

  private static Object avroValue(Object value) {
    return value instanceof Instant instant ? instant.toEpochMilli() : value;
  }

  private static Schema schema(Report<?, ?> report, List<RecordComponent> measures) {
    Schema timestamp = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
    SchemaBuilder.FieldAssembler<Schema> fields =
        SchemaBuilder.record(recordName(report.name()))
            .namespace(NAMESPACE)
            .doc(report.description())
            .fields()
            .name("windowStart")
            .doc("When the window starts, inclusive.")
            .type(timestamp)
            .noDefault()
            .name("windowEnd")
            .doc("When the window ends, exclusive.")
            .type(timestamp)
            .noDefault()
            .name("key")
            .doc("The report's " + report.key() + " the window is of.")
            .type()
            .stringType()
            .noDefault();
    for (RecordComponent measure : measures) {
      fields =
          fields
              .name(measure.getName())
              .doc(
                  "The window's "
                      + measure.getName()
                      + ", as GET /api/v1/reports/"
                      + report.name()
                      + " shows it.")
              .type(type(report, measure.getName(), measure.getGenericType()))
              .noDefault();
    }
    return fields.endRecord();
  }

  private static Schema type(Report<?, ?> report, String measure, Type type) {
    if (type instanceof ParameterizedType map && map.getRawType() == Map.class) {
      return Schema.createMap(type(report, measure, map.getActualTypeArguments()[1]));
    }
    return switch (type.getTypeName()) {
      case "long", "java.lang.Long" -> Schema.create(Schema.Type.LONG);
      case "int", "java.lang.Integer" -> Schema.create(Schema.Type.INT);
      case "double", "java.lang.Double" -> Schema.create(Schema.Type.DOUBLE);
      case "boolean", "java.lang.Boolean" -> Schema.create(Schema.Type.BOOLEAN);
      case "java.lang.String" -> nullable(Schema.create(Schema.Type.STRING));
      case "java.time.Instant" ->
          nullable(LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG)));
      default ->
          throw new IllegalArgumentException(
              report.name() + "'s measure " + measure + " is a " + type + ", which has no schema");
    };
  }

  private static Schema nullable(Schema schema) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), schema);
  }

  private static String recordName(String reportName) {
    StringBuilder name = new StringBuilder();
    for (String part : reportName.split("-")) {
      name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
    }
    return name.append("Window").toString();
  }
}
