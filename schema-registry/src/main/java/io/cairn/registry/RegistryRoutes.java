package io.cairn.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Confluent's Schema Registry REST API: every route, each a few lines over the service. */
final class RegistryRoutes {
  private final SchemaRegistryService service;
  private final ObjectMapper json = new ObjectMapper();

  RegistryRoutes(SchemaRegistryService service) {
    this.service = service;
  }

  void install(RoutesConfig routes) {
    routes.get("/", ctx -> answer(ctx, Map.of()));
    routes.get("/subjects", ctx -> answer(ctx, service.subjects()));
    routes.get("/subjects/{subject}/versions", ctx -> answer(ctx, service.versions(subject(ctx))));
    routes.get("/subjects/{subject}/versions/{version}", ctx -> answer(ctx, version(ctx)));
    routes.get("/subjects/{subject}/versions/{version}/schema", this::rawVersionSchema);
    routes.post("/subjects/{subject}/versions", this::register);
    routes.post("/subjects/{subject}", this::lookup);
    routes.delete("/subjects/{subject}", ctx -> answer(ctx, service.deleteSubject(subject(ctx))));
    routes.delete(
        "/subjects/{subject}/versions/{version}",
        ctx -> answer(ctx, service.deleteVersion(subject(ctx), ctx.pathParam("version"))));
    routes.get("/schemas/ids/{id}", ctx -> answer(ctx, Map.of("schema", schemaById(ctx))));
    routes.get("/schemas/ids/{id}/schema", ctx -> raw(ctx, schemaById(ctx)));
    routes.get("/schemas/types", ctx -> answer(ctx, new String[] {"AVRO"}));
    routes.post("/compatibility/subjects/{subject}/versions/{version}", this::compatibility);
    routes.get("/config", ctx -> answer(ctx, Map.of("compatibilityLevel", service.globalLevel())));
    routes.put("/config", ctx -> setLevel(ctx, Optional.empty()));
    routes.get("/config/{subject}", this::subjectLevel);
    routes.put("/config/{subject}", ctx -> setLevel(ctx, Optional.of(subject(ctx))));
  }

  /** A registration; one that names its id is an import, as Confluent's IMPORT mode takes. */
  private void register(Context ctx) {
    JsonNode body = body(ctx);
    JsonNode given = body.get("id");
    int id =
        given != null && given.canConvertToInt()
            ? service.importSchema(subject(ctx), text(body, "schema"), given.asInt(), version(body))
            : service.register(
                subject(ctx), text(body, "schema"), text(body, "schemaType"), hasReferences(body));
    answer(ctx, Map.of("id", id));
  }

  private static Integer version(JsonNode body) {
    JsonNode version = body.get("version");
    return version != null && version.canConvertToInt() ? version.asInt() : null;
  }

  private void lookup(Context ctx) {
    JsonNode body = body(ctx);
    answer(
        ctx,
        describe(service.lookup(subject(ctx), text(body, "schema"), text(body, "schemaType"))));
  }

  private void compatibility(Context ctx) {
    JsonNode body = body(ctx);
    var violations =
        service.compatibility(
            subject(ctx), ctx.pathParam("version"), text(body, "schema"), text(body, "schemaType"));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("is_compatible", violations.isEmpty());
    if ("true".equalsIgnoreCase(ctx.queryParam("verbose"))) {
      answer.put("messages", violations);
    }
    answer(ctx, answer);
  }

  private void subjectLevel(Context ctx) {
    boolean defaultToGlobal = "true".equalsIgnoreCase(ctx.queryParam("defaultToGlobal"));
    answer(ctx, Map.of("compatibilityLevel", service.subjectLevel(subject(ctx), defaultToGlobal)));
  }

  private void setLevel(Context ctx, Optional<String> subject) {
    answer(
        ctx, Map.of("compatibility", service.setLevel(subject, text(body(ctx), "compatibility"))));
  }

  private void rawVersionSchema(Context ctx) {
    raw(ctx, version(ctx).get("schema").toString());
  }

  private Map<String, Object> version(Context ctx) {
    return describe(service.version(subject(ctx), ctx.pathParam("version")));
  }

  private String schemaById(Context ctx) {
    int id;
    try {
      id = Integer.parseInt(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw RegistryError.schemaNotFound("schema id " + ctx.pathParam("id"));
    }
    return service.schemaById(id).toString();
  }

  private static Map<String, Object> describe(SchemaState.Version version) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("subject", version.subject());
    answer.put("version", version.version());
    answer.put("id", version.id());
    answer.put("schema", version.schema().toString());
    return answer;
  }

  private JsonNode body(Context ctx) {
    try {
      JsonNode body = json.readTree(ctx.body());
      if (body == null || !body.isObject()) {
        throw RegistryError.invalidSchema("the request body must be a JSON object");
      }
      return body;
    } catch (JsonProcessingException e) {
      throw RegistryError.invalidSchema("the request body is not JSON: " + e.getOriginalMessage());
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static boolean hasReferences(JsonNode body) {
    JsonNode references = body.get("references");
    return references != null && references.isArray() && !references.isEmpty();
  }

  private static String subject(Context ctx) {
    return ctx.pathParam("subject");
  }

  private static void answer(Context ctx, Object body) {
    ctx.json(body).contentType(EmbeddedSchemaRegistry.MEDIA_TYPE);
  }

  private static void raw(Context ctx, String schema) {
    ctx.contentType(EmbeddedSchemaRegistry.MEDIA_TYPE).result(schema);
  }
}
