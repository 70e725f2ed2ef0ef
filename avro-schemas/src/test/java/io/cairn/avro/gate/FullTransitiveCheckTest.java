package io.cairn.avro.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.avro.carts.CartEvent;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The gate's own verdicts on schema changes, good and bad. */
class FullTransitiveCheckTest {
  /** A new event type, as a branch of the payload union. */
  private static final String NEW_BRANCH =
      "{\"type\":\"record\",\"name\":\"CartAbandoned\",\"doc\":\"Gone.\",\"fields\":[]}";

  /** Where the payload union's last branch, CartCheckedOut and its lines, ends. */
  private static final String LAST_BRANCH_END = "\"doc\":\"The cart's lines at check-out.\"}]}";

  private static final ObjectMapper JSON = new ObjectMapper();

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
  void shouldAcceptANewEventTypeAtTheEndOfThePayloadUnion() {
    Schema evolved =
        parse(released.toString().replace(LAST_BRANCH_END, LAST_BRANCH_END + "," + NEW_BRANCH));

    assertThat(
            FullTransitiveCheck.violations(
                "cairn.carts.events-value", evolved, Map.of(1, released)))
        .isEmpty();
  }

  @Test
  void shouldRefuseANewEventTypeBeforeTheReleasedOnes() {
    Schema evolved =
        parse(
            released
                .toString()
                .replace(
                    "\"type\":[{\"type\":\"record\",\"name\":\"ItemAdded\"",
                    "\"type\":[" + NEW_BRANCH + ",{\"type\":\"record\",\"name\":\"ItemAdded\""));

    assertThat(
            FullTransitiveCheck.violations(
                "cairn.carts.events-value", evolved, Map.of(1, released)))
        .anySatisfy(
            violation -> assertThat(violation).contains("field payload breaks UNION_ORDER"));
  }

  @Test
  void shouldRefuseAReorderedUnionThatAvroWouldAccept() {
    Schema reordered =
        edited(
            envelope -> {
              ArrayNode payload = (ArrayNode) field(envelope, "payload").get("type");
              JsonNode first = payload.remove(0);
              payload.insert(1, first);
            });

    assertThat(
            FullTransitiveCheck.violations(
                "cairn.carts.events-value", reordered, Map.of(1, released)))
        .singleElement()
        .asString()
        .contains("field payload breaks UNION_ORDER");
  }

  @Test
  void shouldStillRefuseANewBranchAnywhereButThePayload() {
    Schema evolved =
        edited(
            envelope -> {
              ObjectNode itemAdded = (ObjectNode) field(envelope, "payload").get("type").get(0);
              ObjectNode productId = field(itemAdded, "productId");
              ArrayNode either = productId.arrayNode().add(productId.get("type")).add("long");
              productId.set("type", either);
            });

    assertThat(
            FullTransitiveCheck.violations(
                "cairn.carts.events-value", evolved, Map.of(1, released)))
        .anySatisfy(
            violation ->
                assertThat(violation)
                    .contains("v1 cannot read the current schema (FORWARD)")
                    .contains("payload.ItemAdded.productId"));
  }

  /** The released envelope with an edit made to its JSON. */
  private Schema edited(Consumer<ObjectNode> edit) {
    try {
      ObjectNode envelope = (ObjectNode) JSON.readTree(released.toString());
      edit.accept(envelope);
      return parse(JSON.writeValueAsString(envelope));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode field(ObjectNode record, String name) {
    for (JsonNode field : record.get("fields")) {
      if (field.get("name").asText().equals(name)) {
        return (ObjectNode) field;
      }
    }
    throw new IllegalArgumentException("no field " + name);
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
