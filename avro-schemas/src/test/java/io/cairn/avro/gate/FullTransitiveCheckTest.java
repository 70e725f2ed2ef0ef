package io.cairn.avro.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.avro.carts.CartEvent;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The gate's own verdicts on schema changes, good and bad. */
class FullTransitiveCheckTest {
  private final Schema released = CartEvent.getClassSchema();

  @Test
  void shouldAcceptOptionalFieldWithDefault() {
    Schema evolved =
        parse(
            withEnvelopeField(
                "{\"name\":\"source\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Where.\"}"));

    assertThat(
            FullTransitiveCheck.violations(
                "cairn.carts.events-value", evolved, Map.of(1, released)))
        .isEmpty();
  }

  @Test
  void shouldNameFieldAndRuleWhenRequiredFieldIsAdded() {
    Schema evolved =
        parse(withEnvelopeField("{\"name\":\"source\",\"type\":\"string\",\"doc\":\"Where.\"}"));

    assertThat(
            FullTransitiveCheck.violations(
                "cairn.carts.events-value", evolved, Map.of(1, released)))
        .singleElement()
        .asString()
        .contains("cairn.carts.events-value: the current schema cannot read v1 (BACKWARD)")
        .contains("field source breaks READER_FIELD_MISSING_DEFAULT_VALUE");
  }

  @Test
  void shouldNameNestedFieldWhenItsTypeChanges() {
    Schema evolved =
        parse(
            released
                .toString()
                .replace(
                    "{\"name\":\"quantity\",\"type\":\"int\",\"doc\":\"Units added.\"}",
                    "{\"name\":\"quantity\",\"type\":\"string\",\"doc\":\"Units added.\"}"));

    assertThat(
            FullTransitiveCheck.violations(
                "cairn.carts.events-value", evolved, Map.of(1, released)))
        .anySatisfy(
            violation ->
                assertThat(violation)
                    .contains("field payload.ItemAdded.quantity breaks TYPE_MISMATCH"));
  }

  @Test
  void shouldRefuseNewEventTypeBecauseOldReadersCannotReadIt() {
    String branch =
        "{\"type\":\"record\",\"name\":\"CartAbandoned\",\"doc\":\"Gone.\",\"fields\":[]}";
    Schema evolved =
        parse(
            released
                .toString()
                .replace(
                    "\"type\":[{\"type\":\"record\",\"name\":\"ItemAdded\"",
                    "\"type\":[" + branch + ",{\"type\":\"record\",\"name\":\"ItemAdded\""));

    assertThat(
            FullTransitiveCheck.violations(
                "cairn.carts.events-value", evolved, Map.of(1, released)))
        .anySatisfy(
            violation ->
                assertThat(violation)
                    .contains("v1 cannot read the current schema (FORWARD)")
                    .contains("MISSING_UNION_BRANCH"));
  }

  private String withEnvelopeField(String field) {
    String text = released.toString();
    int fields = text.indexOf("\"fields\":[") + "\"fields\":[".length();
    return text.substring(0, fields) + field + "," + text.substring(fields);
  }

  private static Schema parse(String text) {
    return new Schema.Parser().parse(text);
  }
}
