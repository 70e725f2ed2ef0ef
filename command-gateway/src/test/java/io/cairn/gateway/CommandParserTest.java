package io.cairn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.avro.carts.AddItem;
import io.cairn.avro.customers.ChangeProfile;
import io.cairn.avro.customers.RecordConnection;
import io.cairn.avro.customers.RegisterCustomer;
import io.cairn.avro.orders.PlaceOrder;
import io.cairn.avro.products.DefineProduct;
import io.cairn.avro.products.RateProduct;
import io.cairn.avro.subscriptions.Subscribe;
import io.cairn.web.FieldProblem;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** JSON payloads against the contract's command schemas, constraints included. */
class CommandParserTest {
  private final CommandParser parser = new CommandParser();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldReadValidPayloadIntoTheGeneratedRecord() throws Exception {
    var parsed =
        parser.parse(
            json.readTree("{\"productId\":\"p-1\",\"quantity\":2}"),
            AddItem.getClassSchema(),
            "payload");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.record()).isEqualTo(new AddItem("p-1", 2));
  }

  @Test
  void shouldReadTimestampsAsTheApiWritesThemAndRefuseNumbers() throws Exception {
    var parsed =
        parser.parse(
            json.readTree(
                "{\"withId\":\"s-1\",\"role\":\"guest\",\"at\":\"2026-12-02T11:00:00+01:00\"}"),
            RecordConnection.getClassSchema(),
            "payload");

    assertThat(parsed.problems()).isEmpty();
    assertThat(((RecordConnection) parsed.record()).getAt())
        .isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
    assertThat(
            problems(
                "{\"withId\":\"s-1\",\"role\":\"guest\",\"at\":5}",
                RecordConnection.getClassSchema()))
        .containsExactly("payload.at:wrong_type");
    assertThat(
            problems(
                "{\"withId\":\"s-1\",\"role\":\"guest\",\"at\":\"+999999999-01-01T00:00:00Z\"}",
                RecordConnection.getClassSchema()))
        .containsExactly("payload.at:out_of_range");
  }

  @Test
  void shouldReportEveryProblemWithItsField() throws Exception {
    var parsed =
        parser.parse(
            json.readTree("{\"quantity\":\"two\",\"colour\":\"red\"}"),
            AddItem.getClassSchema(),
            "payload");

    assertThat(parsed.record()).isNull();
    assertThat(parsed.problems())
        .extracting(FieldProblem::field, FieldProblem::problem)
        .containsExactlyInAnyOrder(
            tuple("payload.productId", "missing"),
            tuple("payload.quantity", "wrong_type"),
            tuple("payload.colour", "unknown_field"));
  }

  @Test
  void shouldEnforceRangesDeclaredInTheContract() throws Exception {
    assertThat(problems("{\"productId\":\"p-1\",\"quantity\":0}", AddItem.getClassSchema()))
        .containsExactly("payload.quantity:out_of_range");
    assertThat(problems("{\"customerId\":\"c-1\",\"stars\":6}", RateProduct.getClassSchema()))
        .containsExactly("payload.stars:out_of_range");
    assertThat(
            problems("{\"productId\":\"p-1\",\"quantity\":3000000000}", AddItem.getClassSchema()))
        .containsExactly("payload.quantity:out_of_range");
  }

  @Test
  void shouldEnforceFormatsDeclaredInTheContract() throws Exception {
    assertThat(
            problems(
                "{\"name\":\"Ada\",\"email\":\"not-an-email\"}", RegisterCustomer.getClassSchema()))
        .containsExactly("payload.email:invalid_format");
    assertThat(
            problems(
                "{\"name\":\"Tea\",\"category\":\"drinks\",\"priceMinor\":450,\"currency\":\"EURO\"}",
                DefineProduct.getClassSchema()))
        .containsExactly("payload.currency:invalid_format");
    assertThat(problems("{\"productId\":\"no spaces\",\"quantity\":1}", AddItem.getClassSchema()))
        .containsExactly("payload.productId:invalid_format");
    String subscribe =
        "{\"customerId\":\"c-1\",\"lines\":[{\"productId\":\"p-1\",\"quantity\":1}],\"every\":\"%s\"}";
    assertThat(problems(subscribe.formatted("weekly"), Subscribe.getClassSchema()))
        .containsExactly("payload.every:invalid_format");
    assertThat(problems(subscribe.formatted("-P7D"), Subscribe.getClassSchema()))
        .containsExactly("payload.every:invalid_format");
    assertThat(problems(subscribe.formatted("P7D"), Subscribe.getClassSchema())).isEmpty();
  }

  @Test
  void shouldCheckArraysAndTheirElements() throws Exception {
    assertThat(
            problems(
                "{\"customerId\":\"c-1\",\"currency\":\"EUR\",\"lines\":[]}",
                PlaceOrder.getClassSchema()))
        .containsExactly("payload.lines:out_of_range");
    assertThat(
            problems(
                "{\"customerId\":\"c-1\",\"currency\":\"EUR\",\"lines\":[{\"productId\":\"p-1\",\"quantity\":0,\"unitPriceMinor\":5}]}",
                PlaceOrder.getClassSchema()))
        .containsExactly("payload.lines[0].quantity:out_of_range");
  }

  @Test
  void shouldTreatOptionalFieldsAsNullWhenAbsent() throws Exception {
    var parsed =
        parser.parse(
            json.readTree("{\"email\":\"ada@example.com\"}"),
            ChangeProfile.getClassSchema(),
            "payload");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.record()).isEqualTo(new ChangeProfile(null, "ada@example.com"));
  }

  private List<String> problems(String payload, Schema schema) throws Exception {
    JsonNode tree = json.readTree(payload);
    return parser.parse(tree, schema, "payload").problems().stream()
        .map(p -> p.field() + ":" + p.problem())
        .toList();
  }
}
