package io.cairn.app.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cairn.app.HeadlessChromium;
import io.cairn.app.RunningApp;
import io.cairn.app.config.CairnConfig;
import io.cairn.testkit.WithRealKafka;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * GET /openapi.json of a running app: a valid OpenAPI 3.1 document by a Java OpenAPI parser and by
 * the specification's JSON Schema, whose every schema is a valid JSON Schema 2020-12, the same as
 * {@code cairn contract} writes offline, and browsable at /docs in a real browser. That the app's
 * answers conform to it is checked on every answer the HTTP tests see ({@link OpenApiConformance}).
 */
@WithRealKafka
class OpenApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final RunningApp app = new RunningApp();

  @Test
  void aJavaOpenApiParserFindsNoErrorInTheDocument() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);

    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served(), null, options);

    assertThat(parsed.getMessages()).as("swagger-parser's messages").isEmpty();
    assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/api/v1/carts/{id}/commands");
  }

  @Test
  void theSpecificationsSchemaAcceptsTheDocumentAndRefusesABrokenOne() throws IOException {
    JsonNode document = JSON.readTree(served());

    assertThat(specificationErrors(document)).as("OpenAPI 3.1 schema errors").isEmpty();
    ObjectNode broken = document.deepCopy();
    ((ObjectNode) broken).remove("info");
    assertThat(specificationErrors(broken)).isNotEmpty();
  }

  @Test
  void everySchemaOfTheDocumentIsAValidJsonSchema() throws IOException {
    JsonNode schemas = JSON.readTree(served()).at("/components/schemas");
    List<String> invalid = new ArrayList<>();

    schemas
        .properties()
        .forEach(
            entry -> {
              List<Error> errors = metaSchemaErrors(entry.getValue());
              if (!errors.isEmpty()) {
                invalid.add(entry.getKey() + ": " + errors);
              }
            });

    assertThat(invalid).isEmpty();
    assertThat(metaSchemaErrors(JSON.readTree("{\"type\": 12}"))).isNotEmpty();
  }

  @Test
  void theDocumentDescribesTheCommandsPayloadsWithTheContractsConstraints() throws IOException {
    JsonNode schemas = JSON.readTree(served()).at("/components/schemas");
    JsonNode addItem = schemas.at("/carts.AddItem.command/properties/payload");

    assertThat(addItem.at("/properties/quantity/minimum").asInt()).isEqualTo(1);
    assertThat(addItem.at("/properties/productId/pattern").asText()).isNotEmpty();
    assertThat(addItem.path("additionalProperties").asBoolean(true)).isFalse();
  }

  @Test
  void cairnContractWritesTheDocumentTheAppServes() throws IOException {
    JsonNode offline = ApiDocument.of(CairnConfig.load(List.of("--topics.partitions=1"), Map.of()));

    assertThat(JSON.readTree(offline.toString())).isEqualTo(JSON.readTree(served()));
  }

  @Test
  void theDocsPageShowsEveryTagOfTheDocumentInARealBrowser() throws IOException {
    try (HeadlessChromium chromium = HeadlessChromium.open()) {
      chromium.driver().get(app.httpUri().resolve("/docs").toString());

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !chromium.driver().findElements(By.cssSelector(".opblock-tag")).isEmpty());
      List<String> tags =
          chromium.driver().findElements(By.cssSelector(".opblock-tag")).stream()
              .map(tag -> tag.getAttribute("data-tag"))
              .toList();
      assertThat(tags).contains("commands", "views", "aggregates", "processes", "reports");
      assertThat(chromium.driver().findElements(By.cssSelector(".opblock"))).isNotEmpty();
      chromium.screenshot(Path.of("target", "docs.png"));
      assertThat(chromium.consoleErrors()).as("the browser's console errors").isEmpty();
    }
  }

  @Test
  void anAnswerThatChangesShapeWithoutTheDocumentFailsTheCheck() throws IOException {
    String product = "openapi-" + System.nanoTime();
    assertThat(
            app.client()
                .send(
                    "products",
                    product,
                    "DefineProduct",
                    "{\"name\":\"Tea\",\"category\":\"drinks\",\"priceMinor\":450,"
                        + "\"currency\":\"EUR\"}")
                .status())
        .isEqualTo(200);
    URI uri = app.httpUri().resolve("/api/v1/products/" + product);
    ObjectNode answer =
        (ObjectNode)
            await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> app.client().get(uri.getPath()), a -> a.status() == 200)
                .json();
    OpenApiConformance conformance = OpenApiConformance.servedBy(app.httpUri());
    Optional<String> json = Optional.of("application/json");

    conformance.check("GET", uri, 200, json, answer.toString());
    ObjectNode renamed = answer.deepCopy();
    renamed.set("title", renamed.remove("name"));
    assertThatThrownBy(() -> conformance.check("GET", uri, 200, json, renamed.toString()))
        .hasMessageContaining("not as the OpenAPI document says");
    ObjectNode retyped = answer.deepCopy().put("priceMinor", "4.50");
    assertThatThrownBy(() -> conformance.check("GET", uri, 200, json, retyped.toString()))
        .hasMessageContaining("priceMinor");
    assertThatThrownBy(() -> conformance.check("GET", uri, 202, json, answer.toString()))
        .hasMessageContaining("does not declare");
    URI nowhere = app.httpUri().resolve("/api/v2/products");
    assertThatThrownBy(() -> conformance.check("GET", nowhere, 200, json, answer.toString()))
        .hasMessageContaining("no such operation");
  }

  private static String served() {
    return app.client().get("/openapi.json").body();
  }

  private static List<Error> specificationErrors(JsonNode document) {
    try (InputStream schema = OpenApiTest.class.getResourceAsStream("/openapi/3.1-schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(schema)
          .validate(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Error> metaSchemaErrors(JsonNode schema) {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"))
        .validate(schema);
  }
}
