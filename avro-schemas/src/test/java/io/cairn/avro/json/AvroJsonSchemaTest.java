package io.cairn.avro.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class AvroJsonSchemaTest {
  private static final Schema ORDER =
      new Schema.Parser()
          .parse(
              """
              {"type": "record", "name": "PlaceOrder", "doc": "Places an order.", "fields": [
                {"name": "customerId", "type": "string", "cairn.format": "id"},
                {"name": "quantity", "type": "int", "cairn.min": 1, "cairn.max": 99},
                {"name": "note", "type": ["null", "string"], "default": null,
                 "cairn.maxLength": 200},
                {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                {"name": "lines", "type": {"type": "array", "items": "string"},
                 "cairn.minItems": 1},
                {"name": "kind", "type": {"type": "enum", "name": "Kind",
                 "symbols": ["PICKUP", "DELIVERY"]}}
              ]}
              """);

  @Test
  void writtenJsonHasEveryFieldAndNoOther() {
    ObjectNode schema = AvroJsonSchema.written(ORDER);

    assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(schema.path("required"))
        .extracting(JsonNode::asText)
        .containsExactly("customerId", "quantity", "note", "at", "lines", "kind");
    assertThat(schema.at("/properties/at/format").asText()).isEqualTo("date-time");
    assertThat(schema.at("/properties/kind/enum")).hasSize(2);
    assertThat(schema.path("description").asText()).isEqualTo("Places an order.");
  }

  @Test
  void readJsonMayLeaveOutWhatDefaultsToNullAndTakesTimestampsAsMillis() {
    ObjectNode schema = AvroJsonSchema.read(ORDER);

    assertThat(schema.path("required")).extracting(JsonNode::asText).doesNotContain("note");
    assertThat(schema.at("/properties/at/type").asText()).isEqualTo("integer");
  }

  @Test
  void theContractsConstraintsBecomeKeywords() {
    ObjectNode schema = AvroJsonSchema.read(ORDER);

    assertThat(schema.at("/properties/customerId/pattern").asText())
        .isEqualTo("^[A-Za-z0-9._:-]{1,64}$");
    assertThat(schema.at("/properties/quantity/minimum").asLong()).isEqualTo(1);
    assertThat(schema.at("/properties/quantity/maximum").asLong()).isEqualTo(99);
    assertThat(schema.at("/properties/lines/minItems").asLong()).isEqualTo(1);
    JsonNode note = schema.at("/properties/note/anyOf");
    assertThat(note.findValuesAsText("type")).containsExactly("null", "string");
    assertThat(note.get(1).path("maxLength").asLong()).isEqualTo(200);
  }
}
