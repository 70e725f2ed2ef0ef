package io.cairn.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.avro.contract.Contract;
import io.cairn.avro.contract.Envelopes;
import io.cairn.avro.json.AvroJsonSchema;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.web.auth.Scope;
import io.cairn.web.openapi.OpenApi;
import io.cairn.web.openapi.Operation;
import io.cairn.web.openapi.Schemas;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The command endpoint in the OpenAPI document: one path per aggregate type, whose body is any of
 * the type's commands with its payload's schema and constraints from the contract, and whose answer
 * lists the events it caused, each with its payload's schema.
 */
public final class CommandApi {
  private static final String TAG = "commands";
  private static final String DESCRIPTION =
      "Acknowledged once its events are durable in the event log; a timeout (504"
          + " command_timeout) leaves the outcome unknown: repeat it with the same Idempotency-Key.";

  private CommandApi() {}

  /** Describes the command endpoint of each aggregate type. */
  public static void describe(OpenApi api, List<AggregateType<?, ?, ?>> types, Contract contract) {
    api.tag(TAG, "Commands to aggregates: each answered with the events it caused, or why not");
    for (AggregateType<?, ?, ?> declared : types) {
      String type = declared.name();
      Envelopes envelopes = contract.envelopes(type);
      api.path(
          "/api/v1/" + type + "/{id}/commands",
          "post",
          operation(type, commands(api, type, envelopes.commands()), events(api, type, envelopes))
              .requires(
                  declared.customers().isPresent()
                      ? new Scope[] {Scope.COMMAND, Scope.CUSTOMER}
                      : new Scope[] {Scope.COMMAND}));
    }
  }

  private static Operation operation(String type, ObjectNode body, ObjectNode events) {
    return Operation.of(TAG, "Send a command to one of the " + type, DESCRIPTION)
        .pathParameter("id", "The aggregate's id: 1 to 64 of A-Z, a-z, 0-9, '.', '_', ':', '-'")
        .header(
            "If-Match", "The version the aggregate must be at, such as \"3\"; \"0\": new", false)
        .header(
            "Idempotency-Key", "A repeat with the same key is answered, not applied again", false)
        .header("Correlation-Id", "Carried onto its events; the command id if absent", false)
        .header("Actor", "Who sends the command, for the audit trail", false)
        .body("The command: its type and its payload", body)
        .answers(200, "Accepted: the events it caused", accepted(type, events))
        .answerHeader(200, "ETag", "The aggregate's version after the command, in quotes")
        .answerHeader(200, "Idempotent-Replayed", "true when an earlier answer is repeated")
        .fails(400, "The body or a header is not valid", "validation_failed", "malformed_json")
        .fails(404, "No such command for this type", "unknown_command")
        .fails(409, "The aggregate is not at the version If-Match names", "version_conflict")
        .fails(415, "The body is not JSON", "unsupported_media_type")
        .fails(422, "Refused by the aggregate's rules, or the key was used for another command");
  }

  private static ObjectNode commands(OpenApi api, String type, Schema union) {
    return Schemas.oneOfEach(
        union.getTypes(),
        command -> {
          String name = type + "." + command.getName() + ".command";
          api.schema(name, typed(command.getName(), AvroJsonSchema.read(command)));
          return Schemas.reference(name);
        });
  }

  private static ObjectNode events(OpenApi api, String type, Envelopes envelopes) {
    return Schemas.oneOfEach(
        envelopes.events().getTypes(),
        payload -> {
          String name = Schemas.eventName(type, payload.getName());
          api.schema(name, AvroJsonSchema.written(payload));
          return Schemas.object(
              Schemas.ordered(
                  "type", Schemas.constant(payload.getName()),
                  "version", Schemas.integer(),
                  "occurredAt", Schemas.instant(),
                  "payload", Schemas.reference(name)));
        });
  }

  private static ObjectNode accepted(String type, ObjectNode event) {
    return Schemas.object(
        Schemas.ordered(
            "type", Schemas.constant(type),
            "id", Schemas.string(),
            "version", Schemas.integer(),
            "commandId", Schemas.string(),
            "events", Schemas.arrayOf(event),
            "consistencyToken",
                Schemas.string()
                    .put("description", "Pass to a query to read what this command wrote")));
  }

  private static ObjectNode typed(String command, ObjectNode payload) {
    return Schemas.object(Schemas.ordered("type", Schemas.constant(command), "payload", payload));
  }
}
