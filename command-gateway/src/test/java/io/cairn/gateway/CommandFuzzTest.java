package io.cairn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cairn.avro.contract.Contract;
import io.cairn.commerce.Commerce;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.web.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Whatever a client sends to the command endpoint, the parser answers a valid envelope or a 4xx:
 * never an exception of another kind, which the API would answer with a 500. Bodies range from
 * random bytes to commands of the contract with fields of every JSON type and edge value.
 */
class CommandFuzzTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Contract CONTRACT = Contract.load();
  private static final List<String> TYPES =
      Commerce.aggregateTypes().stream().map(AggregateType::name).toList();
  private static final Map<String, Schema> ENVELOPES =
      TYPES.stream()
          .collect(Collectors.toMap(type -> type, type -> CONTRACT.envelopes(type).command()));
  private static final CommandRequests REQUESTS =
      new CommandRequests(ENVELOPES, Set.of("carts", "customers"), Clock.systemUTC());

  @Property(tries = 3_000)
  void everyRequestIsAnEnvelopeOrAClientError(@ForAll("requests") CommandRequests.Http http)
      throws IOException {
    CommandRequest read;
    try {
      read = REQUESTS.read(http);
    } catch (ApiException refused) {
      assertThat(refused.status()).as(refused.error().message()).isBetween(400, 499);
      Statistics.collect("refused");
      return;
    }
    Statistics.collect("accepted");
    // What the parser accepts, Kafka's serializer writes: the envelope is a whole record.
    SpecificRecord envelope = read.envelope();
    var writer =
        new SpecificDatumWriter<SpecificRecord>(
            envelope.getSchema(), SpecificData.getForClass(envelope.getClass()));
    writer.write(envelope, EncoderFactory.get().binaryEncoder(new ByteArrayOutputStream(), null));
  }

  @Property(tries = 3_000)
  @StatisticsReport(onFailureOnly = true)
  void theRequestsReachEveryOutcome(@ForAll("requests") CommandRequests.Http http) {
    String outcome;
    try {
      REQUESTS.read(http);
      outcome = "accepted";
    } catch (ApiException refused) {
      outcome = refused.error().error();
    }
    Statistics.label("outcome").collect(outcome);
    // A fuzz that never gets a command through tests only the first checks.
    Statistics.label("outcome")
        .coverage(
            coverage -> {
              coverage.check("accepted").percentage(p -> p > 3);
              coverage.check("validation_failed").percentage(p -> p > 10);
              coverage.check("forbidden").count(c -> c > 0);
            });
  }

  @Provide
  Arbitrary<CommandRequests.Http> requests() {
    Arbitrary<String> type =
        Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(TYPES)), Tuple.of(1, text()));
    return type.flatMap(
        chosen ->
            Combinators.combine(
                    ids(),
                    Arbitraries.frequencyOf(
                        Tuple.of(18, Arbitraries.of("application/json; charset=utf-8")),
                        Tuple.of(1, Arbitraries.of("text/plain")),
                        Tuple.of(1, Arbitraries.just((String) null))),
                    body(chosen),
                    headerValue(),
                    headerValue(),
                    headerValue(),
                    Arbitraries.of("alice", "bob").optional(0.1))
                .as(
                    (id, contentType, body, ifMatch, key, correlation, customer) ->
                        new CommandRequests.Http(
                            chosen,
                            id,
                            contentType,
                            body,
                            ifMatch,
                            key,
                            correlation,
                            null,
                            customer)));
  }

  private Arbitrary<String> ids() {
    return Arbitraries.frequencyOf(
        Tuple.of(9, Arbitraries.strings().withChars("abc-_.:019").ofMinLength(1).ofMaxLength(64)),
        Tuple.of(1, text()));
  }

  private Arbitrary<String> headerValue() {
    return Arbitraries.oneOf(
            Arbitraries.of("\"0\"", "\"3\"", "W/\"7\"", "\"99999999999999999999\"", "*", "-1"),
            text())
        .injectNull(0.8);
  }

  private Arbitrary<String> text() {
    return Arbitraries.strings().all().ofMaxLength(80);
  }

  private Arbitrary<byte[]> body(String type) {
    Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    Arbitrary<byte[]> commands =
        command(type).map(node -> node.toString().getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> anyJson =
        value(2).map(node -> node.toString().getBytes(StandardCharsets.UTF_8));
    return Arbitraries.frequencyOf(Tuple.of(1, bytes), Tuple.of(1, anyJson), Tuple.of(8, commands));
  }

  /** A body shaped like a command of the type: mostly a known name and its payload's fields. */
  private Arbitrary<JsonNode> command(String type) {
    Schema envelope = ENVELOPES.get(type);
    if (envelope == null) {
      return value(2);
    }
    List<Schema> commands = envelope.getField("payload").schema().getTypes();
    return Arbitraries.of(commands)
        .flatMap(
            command ->
                Combinators.combine(
                        Arbitraries.frequencyOf(
                            Tuple.of(19, Arbitraries.just(command.getName())), Tuple.of(1, text())),
                        shaped(command, 3))
                    .as(
                        (name, payload) -> {
                          ObjectNode node = NODES.objectNode();
                          node.put("type", name);
                          node.set("payload", payload);
                          return (JsonNode) node;
                        }));
  }

  /** A value mostly of the schema's type and within its usual range, sometimes anything at all. */
  private Arbitrary<JsonNode> shaped(Schema schema, int depth) {
    return Arbitraries.frequencyOf(
        Tuple.of(9, typed(schema, depth)), Tuple.of(1, value(Math.min(depth, 1))));
  }

  private Arbitrary<JsonNode> typed(Schema schema, int depth) {
    return switch (schema.getType()) {
      case RECORD -> record(schema, depth);
      case UNION ->
          Arbitraries.oneOf(
              schema.getTypes().stream()
                  .map(
                      branch ->
                          branch.getType() == Schema.Type.NULL ? nulls() : shaped(branch, depth))
                  .toList());
      case STRING -> Arbitraries.oneOf(ids(), text()).map(TextNode::valueOf);
      case INT, LONG ->
          schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
              ? Arbitraries.of("2026-12-02T10:00:00Z", "1970-01-01T00:00:00Z", "tomorrow")
                  .map(TextNode::valueOf)
              : Arbitraries.integers().between(-2, 20).map(i -> (JsonNode) LongNode.valueOf(i));
      case BOOLEAN -> Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE);
      case ARRAY ->
          depth == 0
              ? Arbitraries.just(NODES.arrayNode())
              : shaped(schema.getElementType(), depth - 1).list().ofMaxSize(3).map(this::array);
      default -> value(0);
    };
  }

  private Arbitrary<JsonNode> record(Schema schema, int depth) {
    List<Arbitrary<Map.Entry<String, JsonNode>>> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      Arbitrary<JsonNode> value = depth == 0 ? value(0) : shaped(field.schema(), depth - 1);
      // A field is sometimes left out, and sometimes one is added the schema does not have.
      fields.add(value.map(v -> Map.entry(field.name(), v)).injectNull(0.05));
    }
    fields.add(value(0).map(v -> Map.entry("notAField", v)).injectNull(0.95));
    return Combinators.combine(fields)
        .as(
            entries -> {
              ObjectNode node = NODES.objectNode();
              entries.stream()
                  .filter(Objects::nonNull)
                  .forEach(e -> node.set(e.getKey(), e.getValue()));
              return node;
            });
  }

  private Arbitrary<JsonNode> nulls() {
    return Arbitraries.just(NullNode.instance);
  }

  private JsonNode array(List<JsonNode> items) {
    ArrayNode node = NODES.arrayNode();
    items.forEach(node::add);
    return node;
  }

  /** Any JSON value, with the edges of each kind: huge numbers, odd text, nesting. */
  private Arbitrary<JsonNode> value(int depth) {
    Arbitrary<JsonNode> leaf =
        Arbitraries.oneOf(
            text().map(TextNode::valueOf),
            Arbitraries.of(
                    "2026-12-02T10:00:00Z",
                    "+999999999-12-31T23:59:59Z",
                    "2026-12-02T10:00:00+01:00",
                    "P7D",
                    "PT0S",
                    "P-1D",
                    "EUR",
                    "tok_ok",
                    "",
                    "p-1")
                .map(TextNode::valueOf),
            Arbitraries.integers().between(-3, 3).map(i -> (JsonNode) LongNode.valueOf(i)),
            Arbitraries.longs().map(LongNode::valueOf),
            Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                .map(BigIntegerNode::valueOf),
            Arbitraries.doubles().map(DoubleNode::valueOf),
            Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.instance));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<JsonNode> array =
        value(depth - 1)
            .list()
            .ofMaxSize(3)
            .map(
                items -> {
                  ArrayNode node = NODES.arrayNode();
                  items.forEach(node::add);
                  return node;
                });
    Arbitrary<JsonNode> object =
        Arbitraries.maps(
                Arbitraries.of("productId", "quantity", "customerId", "lines", "name", "x"),
                value(depth - 1))
            .ofMaxSize(3)
            .map(CommandFuzzTest::object);
    return Arbitraries.frequencyOf(Tuple.of(6, leaf), Tuple.of(2, array), Tuple.of(2, object));
  }

  private static ObjectNode object(Map<String, JsonNode> fields) {
    ObjectNode node = NODES.objectNode();
    fields.forEach(node::set);
    return node;
  }
}
