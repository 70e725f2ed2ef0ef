package io.cairn.app.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds every answer a test sees to the app's own OpenAPI document: the route is documented (or the
 * answer is a 4xx in the error shape), the status is one the operation declares (or its default,
 * for errors), the JSON body passes the declared schema, and every query parameter the test sent is
 * a documented one. A handler whose answer changes shape without the document fails the tests that
 * meet it.
 */
public final class OpenApiConformance {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JSON_TYPE = "application/json";
  // The error shape, for answers on paths the document does not have.
  private static final JsonNode ERROR =
      JSON.createObjectNode().put("$ref", "#/components/schemas/Error");

  private final JsonNode document;
  private final JsonNode components;
  private final List<Route> routes;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private record Route(String template, List<String> segments, int literals) {}

  /** The conformance to a document. */
  public OpenApiConformance(JsonNode document) {
    this.document = document;
    this.components = document.path("components");
    List<Route> all = new ArrayList<>();
    document
        .path("paths")
        .fieldNames()
        .forEachRemaining(
            path -> {
              List<String> segments = List.of(path.substring(1).split("/", -1));
              int literals = (int) segments.stream().filter(s -> !s.startsWith("{")).count();
              all.add(new Route(path, segments, literals));
            });
    all.sort(Comparator.comparingInt(Route::literals).reversed());
    this.routes = List.copyOf(all);
  }

  /** The conformance to the document the app at this address serves. */
  public static OpenApiConformance servedBy(URI base) {
    return servedBy(HttpClient.newHttpClient(), base);
  }

  /** The conformance to the document the app at this address serves, read with this client. */
  public static OpenApiConformance servedBy(HttpClient http, URI base) {
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(base.resolve("/openapi.json"))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new AssertionError("/openapi.json answered " + answer.statusCode());
      }
      return new OpenApiConformance(JSON.readTree(answer.body()));
    } catch (IOException e) {
      throw new AssertionError("cannot read /openapi.json", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted reading /openapi.json", e);
    }
  }

  /** Fails when the answer to the request does not conform. */
  public void check(String method, URI uri, int status, Optional<String> contentType, String body) {
    check(method, uri, Optional.empty(), status, contentType, body);
  }

  /**
   * Fails when the answer to the request does not conform, or when the request's JSON body was
   * accepted but is not as the document describes it.
   */
  public void check(
      String method,
      URI uri,
      Optional<String> requestBody,
      int status,
      Optional<String> contentType,
      String body) {
    String what = method + " " + uri.getRawPath() + " answered " + status;
    Optional<Route> route = route(uri.getRawPath());
    JsonNode operation =
        route
            .map(
                r ->
                    document.path("paths").path(r.template()).path(method.toLowerCase(Locale.ROOT)))
            .orElse(null);
    if (operation == null || operation.isMissingNode()) {
      if (status < 400 || status >= 500) {
        throw new AssertionError(what + ", but the document has no such operation");
      }
      validate(what, "#/components/schemas/Error", ERROR, contentType, body);
      return;
    }
    if (status < 400) {
      // What the app refused need not be documented; what it took must be.
      checkParameters(what, operation, uri);
      JsonNode taken = operation.at("/requestBody/content/application~1json/schema");
      if (requestBody.isPresent() && !taken.isMissingNode()) {
        String pointer = route.get().template() + "/" + method + "/request";
        validate(
            what + " to its request", pointer, taken, Optional.of(JSON_TYPE), requestBody.get());
      }
    }
    JsonNode response = operation.path("responses").path(Integer.toString(status));
    String pointer = route.get().template() + "/" + method + "/" + status;
    if (response.isMissingNode()) {
      if (status < 400) {
        throw new AssertionError(what + ", a status the document does not declare");
      }
      response = operation.path("responses").path("default");
      pointer = route.get().template() + "/" + method + "/default";
    }
    JsonNode schema = response.path("content").path(JSON_TYPE).path("schema");
    if (!schema.isMissingNode()) {
      validate(what, pointer, schema, contentType, body);
    }
  }

  private void checkParameters(String what, JsonNode operation, URI uri) {
    if (uri.getRawQuery() == null) {
      return;
    }
    Set<String> documented = new HashSet<>();
    operation.path("parameters").forEach(p -> documented.add(p.path("name").asText()));
    for (String pair : uri.getRawQuery().split("&")) {
      String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
      if (!documented.contains(name) && !name.isEmpty()) {
        throw new AssertionError(what + ": the query parameter " + name + " is not documented");
      }
    }
  }

  private void validate(
      String what, String key, JsonNode schema, Optional<String> contentType, String body) {
    if (contentType.isEmpty() || !contentType.get().startsWith(JSON_TYPE)) {
      throw new AssertionError(what + " as " + contentType.orElse("nothing") + ", not JSON");
    }
    JsonNode value;
    try {
      value = JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError(what + " with a body that is not JSON: " + body, e);
    }
    List<Error> errors = schemas.computeIfAbsent(key, k -> compile(schema)).validate(value);
    if (!errors.isEmpty()) {
      throw new AssertionError(
          what + ", not as the OpenAPI document says: " + errors + "\nbody: " + abbreviated(body));
    }
  }

  private Schema compile(JsonNode schema) {
    ObjectNode root = schema.deepCopy();
    root.set("components", components);
    return registry.getSchema(root);
  }

  private Optional<Route> route(String rawPath) {
    List<String> segments = List.of(rawPath.substring(1).split("/", -1));
    for (Route route : routes) {
      if (matches(route.segments(), segments)) {
        return Optional.of(route);
      }
    }
    return Optional.empty();
  }

  private static boolean matches(List<String> template, List<String> segments) {
    if (template.size() != segments.size()) {
      return false;
    }
    Iterator<String> actual = segments.iterator();
    for (String expected : template) {
      String segment = actual.next();
      if (!expected.startsWith("{") && !expected.equals(segment)) {
        return false;
      }
      if (expected.startsWith("{") && segment.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static String abbreviated(String body) {
    return body.length() <= 2_000 ? body : body.substring(0, 2_000) + "…";
  }
}
