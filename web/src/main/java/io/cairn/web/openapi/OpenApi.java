package io.cairn.web.openapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.web.FieldProblem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An OpenAPI 3.1 document being described: each module adds the paths of the routes it installs and
 * the schemas its answers use, and the app serves the result. Records are described from their
 * classes ({@link #records()}); answers built by hand, with {@link Schemas}.
 */
public final class OpenApi {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The name of the bearer token's security scheme. */
  static final String BEARER = "bearer";

  private final Map<String, ObjectNode> paths = new LinkedHashMap<>();
  private final Map<String, ObjectNode> schemas = new LinkedHashMap<>();
  private final Map<String, String> tags = new LinkedHashMap<>();
  private final RecordSchemas records = new RecordSchemas();

  /** A document with the error shape and nothing else. */
  public OpenApi() {
    schema(ErrorShape.NAME, ErrorShape.schema());
    schema(FieldProblem.class.getSimpleName(), ErrorShape.fieldProblem());
  }

  /** Describes the records that answers are made of; reference them from schemas. */
  public RecordSchemas records() {
    return records;
  }

  /** A tag that groups operations, with what it is about. */
  public OpenApi tag(String name, String description) {
    tags.put(name, description);
    return this;
  }

  /** Adds an operation on a path ({@code /api/v1/products/{id}}) and method ({@code get}). */
  public OpenApi path(String path, String method, Operation operation) {
    ObjectNode item = paths.computeIfAbsent(path, p -> NODES.objectNode());
    if (item.has(method)) {
      throw new IllegalArgumentException(method + " " + path + " is described twice");
    }
    item.set(method, operation.node());
    return this;
  }

  /**
   * A named schema, referenced with {@link Schemas#reference(String)}; two modules may describe the
   * same schema (an event that commands answer with and histories list), never two different ones
   * under one name.
   */
  public OpenApi schema(String name, ObjectNode schema) {
    ObjectNode known = schemas.putIfAbsent(name, schema);
    if (known != null && !known.equals(schema)) {
      throw new IllegalArgumentException("two different schemas are named " + name);
    }
    return this;
  }

  /** The document, with the given title, version and description; call once. */
  public ObjectNode document(String title, String version, String description) {
    ObjectNode document = NODES.objectNode().put("openapi", "3.1.0");
    document
        .putObject("info")
        .put("title", title)
        .put("version", version)
        .put("description", description);
    document.put("jsonSchemaDialect", "https://spec.openapis.org/oas/3.1/dialect/base");
    tags.forEach(
        (name, about) ->
            document.withArray("tags").addObject().put("name", name).put("description", about));
    ObjectNode pathsNode = document.putObject("paths");
    paths.forEach(pathsNode::set);
    ObjectNode componentsNode = document.putObject("components");
    componentsNode
        .putObject("securitySchemes")
        .putObject(BEARER)
        .put("type", "http")
        .put("scheme", "bearer")
        .put("bearerFormat", "JWT")
        .put(
            "description",
            "An OAuth2 access token whose space-separated scope claim grants cairn:command,"
                + " cairn:read, cairn:report or cairn:admin; with auth.mode=none, none is asked.");
    ObjectNode components = componentsNode.putObject("schemas");
    records
        .definitions()
        .properties()
        .forEach(entry -> components.set(entry.getKey(), entry.getValue()));
    schemas.forEach(components::set);
    return document;
  }
}
