package io.cairn.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.web.ApiException;
import io.cairn.web.FieldProblem;
import io.cairn.web.Ids;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns an HTTP request into a {@link CommandRequest}, or into the precise error that says what is
 * wrong with it: unknown aggregate type or command (404), not JSON (415, 400), or invalid fields
 * and headers (400, one entry per problem).
 */
final class CommandRequests {
  private static final Pattern IF_MATCH = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");
  private static final Pattern HEADER_TOKEN = Pattern.compile("[\\x21-\\x7e]{1,255}");

  private final Map<String, Schema> envelopes;
  private final Set<String> customerTypes;
  private final CommandParser parser = new CommandParser();
  private final ObjectMapper json = new ObjectMapper();
  private final Clock clock;

  /**
   * @param envelopes each aggregate type's command envelope, by the type's name
   * @param customerTypes the types a customer acting for itself may send some commands to
   */
  CommandRequests(Map<String, Schema> envelopes, Set<String> customerTypes, Clock clock) {
    this.envelopes = Map.copyOf(envelopes);
    this.customerTypes = Set.copyOf(customerTypes);
    this.clock = clock;
  }

  /** The parts of the HTTP request a command is read from. */
  record Http(
      String type,
      String id,
      String contentType,
      byte[] body,
      String ifMatch,
      String idempotencyKey,
      String correlationId,
      String actor,
      Optional<String> customer) {}

  CommandRequest read(Http http) {
    Schema envelopeSchema = envelopes.get(http.type());
    if (envelopeSchema == null) {
      throw new ApiException(
          404,
          "unknown_aggregate_type",
          "There is no aggregate type '" + http.type() + "'.",
          Map.of("known", envelopes.keySet().stream().sorted().toList()));
    }
    if (http.customer().isPresent() && !customerTypes.contains(http.type())) {
      throw new ApiException(
          403, "forbidden", "A customer's token may send no command to " + http.type() + ".");
    }
    if (http.contentType() == null
        || !http.contentType().toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(
          415, "unsupported_media_type", "Commands are sent as application/json.");
    }
    JsonNode body = parseJson(http.body());
    List<FieldProblem> problems = new ArrayList<>();
    if (!Ids.valid(http.id())) {
      problems.add(FieldProblem.invalidFormat("id", Ids.RULE));
    }
    Long expectedVersion = expectedVersion(http.ifMatch(), problems);
    checkHeader("Idempotency-Key", http.idempotencyKey(), problems);
    checkHeader("Correlation-Id", http.correlationId(), problems);
    checkHeader("Actor", http.actor(), problems);
    Schema payloadSchema = commandSchema(http.type(), envelopeSchema, body, problems);
    CommandParser.Parsed payload = parser.parse(body.path("payload"), payloadSchema, "payload");
    problems.addAll(payload.problems());
    if (!problems.isEmpty()) {
      throw new ApiException(
          400,
          "validation_failed",
          "The command is not valid: "
              + problems.getFirst().message()
              + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""),
          Map.of("fields", problems));
    }
    String commandId = UUID.randomUUID().toString();
    SpecificRecord envelope =
        envelope(envelopeSchema, commandId, http, expectedVersion, payload.record());
    return new CommandRequest(
        http.type(), payloadSchema.getName(), http.id(), commandId, envelope, http.customer());
  }

  private JsonNode parseJson(byte[] body) {
    try {
      JsonNode tree = json.readTree(body);
      if (tree == null || !tree.isObject()) {
        throw new ApiException(
            400,
            "malformed_json",
            "The body must be a JSON object: {\"type\": ..., \"payload\": {...}}.");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw new ApiException(
          400, "malformed_json", "The body is not valid JSON: " + e.getOriginalMessage() + ".");
    } catch (IOException e) {
      throw new ApiException(400, "malformed_json", "The body cannot be read.");
    }
  }

  /** The payload schema the body's "type" names; problems with the body's shape are collected. */
  private Schema commandSchema(
      String type, Schema envelope, JsonNode body, List<FieldProblem> problems) {
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("type") && !name.equals("payload")) {
        problems.add(FieldProblem.unknown(name));
      }
    }
    JsonNode commandType = body.get("type");
    if (commandType == null || !commandType.isTextual()) {
      problems.add(
          commandType == null
              ? FieldProblem.missing("type")
              : FieldProblem.wrongType("type", "a string"));
      throw invalid(problems);
    }
    Schema union = envelope.getField("payload").schema();
    if (!body.has("payload")) {
      problems.add(FieldProblem.missing("payload"));
      throw invalid(problems);
    }
    return union.getTypes().stream()
        .filter(branch -> branch.getName().equals(commandType.textValue()))
        .findFirst()
        .orElseThrow(
            () ->
                new ApiException(
                    404,
                    "unknown_command",
                    "Aggregate type '"
                        + type
                        + "' has no command '"
                        + commandType.textValue()
                        + "'.",
                    Map.of("known", union.getTypes().stream().map(Schema::getName).toList())));
  }

  private static ApiException invalid(List<FieldProblem> problems) {
    return new ApiException(
        400,
        "validation_failed",
        "The command is not valid: " + problems.getFirst().message(),
        Map.of("fields", problems));
  }

  private static Long expectedVersion(String ifMatch, List<FieldProblem> problems) {
    if (ifMatch == null) {
      return null;
    }
    var matcher = IF_MATCH.matcher(ifMatch.trim());
    if (!matcher.matches()) {
      problems.add(
          FieldProblem.invalidFormat(
              "If-Match",
              "an aggregate version in quotes, such as \"3\" (\"0\": must not exist yet)"));
      return null;
    }
    return Long.parseLong(matcher.group(1));
  }

  private static void checkHeader(String name, String value, List<FieldProblem> problems) {
    if (value != null && !HEADER_TOKEN.matcher(value).matches()) {
      problems.add(FieldProblem.invalidFormat(name, "1 to 255 visible ASCII characters"));
    }
  }

  private SpecificRecord envelope(
      Schema schema, String commandId, Http http, Long expectedVersion, IndexedRecord payload) {
    SpecificRecord envelope = (SpecificRecord) SpecificData.get().newRecord(null, schema);
    envelope.put(schema.getField("commandId").pos(), commandId);
    envelope.put(schema.getField("aggregateId").pos(), http.id());
    envelope.put(schema.getField("expectedVersion").pos(), expectedVersion);
    envelope.put(schema.getField("issuedAt").pos(), clock.instant());
    envelope.put(
        schema.getField("correlationId").pos(),
        http.correlationId() != null ? http.correlationId() : commandId);
    envelope.put(schema.getField("idempotencyKey").pos(), http.idempotencyKey());
    // Sent over HTTP, the command was caused by nobody's event.
    envelope.put(schema.getField("causationId").pos(), null);
    envelope.put(schema.getField("actor").pos(), http.actor());
    envelope.put(schema.getField("payload").pos(), payload);
    return envelope;
  }
}
