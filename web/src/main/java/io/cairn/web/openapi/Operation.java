package io.cairn.web.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.web.auth.Scope;
import java.util.Arrays;
import java.util.List;

/**
 * One operation of an OpenAPI 3.1 document, built by the module whose route it describes: what it
 * is, its parameters, its body, and each answer it gives with its schema. Errors all have the one
 * error shape; an operation names the codes it may answer with, and the document refuses others.
 */
public final class Operation {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String JSON = "application/json";

  private final ObjectNode node = NODES.objectNode();
  private final ArrayNode parameters = NODES.arrayNode();
  private final ObjectNode responses = NODES.objectNode();

  private Operation(String tag, String summary, String description) {
    node.putArray("tags").add(tag);
    node.put("summary", summary);
    if (!description.isEmpty()) {
      node.put("description", description);
    }
  }

  /** An operation under a tag, with a one-line summary and a longer description (may be empty). */
  public static Operation of(String tag, String summary, String description) {
    return new Operation(tag, summary, description);
  }

  /**
   * Who may call it: the scopes its route declares, any one of which will do; {@link Scope#OPEN}
   * for anyone. Every operation says it.
   */
  public Operation requires(Scope... scopes) {
    ArrayNode security = node.putArray("security");
    for (Scope scope : scopes) {
      if (scope != Scope.OPEN) {
        security.addObject().putArray(OpenApi.BEARER).add(scope.claim());
      }
    }
    if (!security.isEmpty()) {
      fails(401, "No bearer token, or one refused (with auth.mode=jwt)", "unauthorized");
      fails(
          403,
          Arrays.asList(scopes).contains(Scope.CUSTOMER)
              ? "The token has none of the scopes this needs, or it is a customer's and this is"
                  + " not that customer's own"
              : "The token has none of the scopes this needs",
          "forbidden");
      fails(
          429,
          "More requests than http.rate.limit allows this client; Retry-After says when to retry",
          "too_many_requests");
    }
    return this;
  }

  /** A path parameter, such as the {@code id} of {@code /api/v1/products/{id}}. */
  public Operation pathParameter(String name, String description) {
    return parameter("path", name, description, Schemas.string(), true);
  }

  /** An optional query parameter. */
  public Operation query(String name, String description, ObjectNode schema) {
    return parameter("query", name, description, schema, false);
  }

  /** A request header, required or not. */
  public Operation header(String name, String description, boolean required) {
    return parameter("header", name, description, Schemas.string(), required);
  }

  /** A JSON request body. */
  public Operation body(String description, ObjectNode schema) {
    ObjectNode body = node.putObject("requestBody").put("required", true);
    body.put("description", description);
    body.putObject("content").putObject(JSON).set("schema", schema);
    return this;
  }

  /** A JSON answer with its status. */
  public Operation answers(int status, String description, ObjectNode schema) {
    return answers(status, description, JSON, schema);
  }

  /** An answer of another media type. */
  public Operation answers(int status, String description, String mediaType, ObjectNode schema) {
    responses
        .putObject(Integer.toString(status))
        .put("description", description)
        .putObject("content")
        .putObject(mediaType)
        .set("schema", schema);
    return this;
  }

  /** A header the answer of a status carries; declare the answer first. */
  public Operation answerHeader(int status, String name, String description) {
    ObjectNode header =
        ((ObjectNode) responses.get(Integer.toString(status)))
            .withObjectProperty("headers")
            .putObject(name);
    header.put("description", description);
    header.set("schema", Schemas.string());
    return this;
  }

  /** An error answer, in the error shape, with the codes it may carry. */
  public Operation fails(int status, String description, String... codes) {
    return answers(status, description, ErrorShape.withCodes(List.of(codes)));
  }

  /**
   * The operation's node. Not a copy: the references to records in it are filled in when the
   * document collects their definitions.
   */
  ObjectNode node() {
    if (!node.has("security")) {
      throw new IllegalStateException(
          node.path("summary").asText() + ": an operation says which scopes it requires");
    }
    if (!parameters.isEmpty()) {
      node.set("parameters", parameters);
    }
    responses
        .putObject("default")
        .put(
            "description",
            "Anything else: the server failed or is not ready (5xx), in the error shape")
        .putObject("content")
        .putObject(JSON)
        .set("schema", ErrorShape.reference());
    node.set("responses", responses);
    return node;
  }

  private Operation parameter(
      String in, String name, String description, ObjectNode schema, boolean required) {
    parameters
        .addObject()
        .put("name", name)
        .put("in", in)
        .put("description", description)
        .put("required", required)
        .set("schema", schema);
    return this;
  }
}
