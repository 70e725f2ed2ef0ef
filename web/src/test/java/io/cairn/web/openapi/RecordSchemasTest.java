package io.cairn.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cairn.web.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordSchemasTest {
  private static final ObjectMapper JSON = Json.newMapper();

  enum Status {
    OPEN,
    CLOSED
  }

  record Line(String productId, int quantity) {}

  sealed interface Payment {}

  record Card(String last4) implements Payment {}

  record Voucher(String code, long amountMinor) implements Payment {}

  record Order(
      String id,
      Status status,
      Instant placedAt,
      Duration every,
      List<Line> lines,
      Map<String, Integer> byReason,
      Payment payment,
      boolean paid) {}

  @Test
  void whatTheMapperWritesConformsAndSoDoesNothingElse() throws Exception {
    Order order =
        new Order(
            "o-1",
            Status.OPEN,
            Instant.parse("2026-12-02T10:00:00Z"),
            Duration.ofDays(7),
            List.of(new Line("tea", 2)),
            Map.of("late", 1),
            new Voucher("V1", 500),
            false);
    Order empty = new Order("o-2", null, null, null, List.of(), Map.of(), null, true);

    assertThat(errors(JSON.valueToTree(order))).isEmpty();
    assertThat(errors(JSON.valueToTree(empty))).isEmpty();
    ObjectNode extra = JSON.valueToTree(order);
    extra.put("surprise", 1);
    assertThat(errors(extra)).isNotEmpty();
    ObjectNode missing = JSON.valueToTree(order);
    missing.remove("lines");
    assertThat(errors(missing)).isNotEmpty();
    ObjectNode wrongType = JSON.valueToTree(order);
    wrongType.put("paid", "no");
    assertThat(errors(wrongType)).isNotEmpty();
  }

  @Test
  void nestedRecordsAreNamedByTheirEnclosingType() {
    assertThat(RecordSchemas.definitionName(Line.class)).isEqualTo("RecordSchemasTestLine");
  }

  private static List<Error> errors(JsonNode value) {
    RecordSchemas schemas = new RecordSchemas();
    ObjectNode root = schemas.reference(Order.class);
    ObjectNode definitions = schemas.definitions();
    root.putObject("components").set("schemas", definitions);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(root)
        .validate(value);
  }
}
