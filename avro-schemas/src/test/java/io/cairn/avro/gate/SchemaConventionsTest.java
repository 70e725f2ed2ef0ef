package io.cairn.avro.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.avro.contract.Contract;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The conventions of the public contract, checked on every schema rather than trusted. */
class SchemaConventionsTest {
  /** Every schema of the contract, as the build compiled it. */
  private static final List<Schema> ENVELOPES = Contract.load().schemas();

  @Test
  void shouldDocumentEveryRecordAndField() {
    List<String> undocumented = new ArrayList<>();
    for (Schema record : records()) {
      if (blank(record.getDoc())) {
        undocumented.add(record.getFullName());
      }
      record.getFields().stream()
          .filter(field -> blank(field.doc()))
          .forEach(field -> undocumented.add(record.getFullName() + "." + field.name()));
    }

    assertThat(undocumented).as("records and fields without a doc string").isEmpty();
  }

  @Test
  void shouldNeverCarryMoneyOrAnythingElseAsFloatingPoint() {
    List<String> floating = new ArrayList<>();
    for (Schema record : records()) {
      for (Schema.Field field : record.getFields()) {
        if (leaves(field.schema()).stream().anyMatch(SchemaConventionsTest::isFloatingPoint)) {
          floating.add(record.getFullName() + "." + field.name());
        }
      }
    }

    assertThat(floating).as("float or double fields").isEmpty();
  }

  @Test
  void shouldFindEveryKindOfSchema() {
    assertThat(ENVELOPES)
        .extracting(Schema::getName)
        .contains("CartEvent", "CartCommand", "CartSnapshot", "CommandReply")
        .hasSize(3 * Contract.load().aggregateTypes().size() + 1);
  }

  @Test
  void shouldGiveEveryEventEnvelopeTheMetadataConsumersRelyOn() {
    for (Schema envelope : ENVELOPES.stream().filter(s -> s.getName().endsWith("Event")).toList()) {
      assertThat(envelope.getFields())
          .extracting(Schema.Field::name)
          .containsExactly(
              "eventId",
              "aggregateId",
              "aggregateVersion",
              "occurredAt",
              "commandId",
              "correlationId",
              "causationId",
              "actor",
              "payload");
      assertThat(envelope.getField("aggregateVersion").schema().getType())
          .isEqualTo(Schema.Type.LONG);
      assertThat(envelope.getField("occurredAt").schema().getLogicalType())
          .isInstanceOf(LogicalTypes.TimestampMillis.class);
      assertThat(envelope.getField("payload").schema().getType()).isEqualTo(Schema.Type.UNION);
    }
  }

  private static boolean isFloatingPoint(Schema schema) {
    return schema.getType() == Schema.Type.FLOAT || schema.getType() == Schema.Type.DOUBLE;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /** Every record schema reachable from the envelopes, each once. */
  private static List<Schema> records() {
    List<Schema> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    ENVELOPES.forEach(envelope -> collect(envelope, found, seen));
    return found;
  }

  private static void collect(Schema schema, List<Schema> found, Set<String> seen) {
    switch (schema.getType()) {
      case RECORD -> {
        if (seen.add(schema.getFullName())) {
          found.add(schema);
          schema.getFields().forEach(field -> collect(field.schema(), found, seen));
        }
      }
      case UNION -> schema.getTypes().forEach(branch -> collect(branch, found, seen));
      case ARRAY -> collect(schema.getElementType(), found, seen);
      case MAP -> collect(schema.getValueType(), found, seen);
      default -> {}
    }
  }

  private static List<Schema> leaves(Schema schema) {
    return switch (schema.getType()) {
      case UNION -> schema.getTypes().stream().flatMap(branch -> leaves(branch).stream()).toList();
      case ARRAY -> leaves(schema.getElementType());
      case MAP -> leaves(schema.getValueType());
      default -> List.of(schema);
    };
  }
}
