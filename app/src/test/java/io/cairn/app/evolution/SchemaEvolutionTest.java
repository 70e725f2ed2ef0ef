package io.cairn.app.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.app.RunningApp;
import io.cairn.app.cli.RebuildViewsCommand;
import io.cairn.app.write.CommandClient;
import io.cairn.avro.products.ProductCommand;
import io.cairn.avro.products.ProductEvent;
import io.cairn.avro.testing.NewerEnvelope;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.management.ObjectName;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract changing under a running app, on the real broker: records of a type newer code added
 * are passed over and counted, and a log written with the frozen v1 schema, before ratings were
 * split in two, reads, folds and rebuilds as the same log written by the code of now.
 */
@WithRealKafka
class SchemaEvolutionTest {
  @RegisterExtension static final RunningApp app = new RunningApp();
  private static LogWriter log;

  @BeforeAll
  static void connect(KafkaTestCluster kafka) {
    log = new LogWriter(kafka, app.registryUri());
  }

  @Test
  void shouldPassOverAndCountAnEventOfATypeNewerCodeAddedAndKeepFolding() {
    String product = id("newer");
    send("products", product, "DefineProduct", LegacyCatalogue.TEA_JSON);
    ProductEvent defined = LegacyCatalogue.definedEvent(product, 1, Instant.now());
    NewerEnvelope newer = NewerEnvelope.of(ProductEvent.getClassSchema(), "ProductPhotographed");

    log.append("products", product, newer.carrying(next(defined, 2), "tea.jpg"));
    send("products", product, "ChangePrice", "{\"priceMinor\":500}");

    JsonNode view =
        eventually("/api/v1/products/" + product, json -> json.path("priceMinor").asLong() == 500);
    assertThat(view.path("name").asText()).isEqualTo("Tea");
    JsonNode status = app.client().get("/api/v1/views/status").json();
    assertThat(status.path("state").asText()).isEqualTo("RUNNING");
    assertThat(status.path("skipped").findValuesAsText("type")).contains("ProductPhotographed");
    assertThat(products(status).path("skippedEvents").asLong()).isPositive();
  }

  @Test
  void shouldPassOverAndCountACommandOfATypeNewerCodeAddedAndGoOn() throws Exception {
    String product = id("newer-command");
    ProductCommand template = LegacyCatalogue.defineCommand(product);
    NewerEnvelope newer = NewerEnvelope.of(ProductCommand.getClassSchema(), "PhotographProduct");

    log.send("products", product, newer.carrying(template, "tea.jpg"));
    var answer = send("products", product, "DefineProduct", LegacyCatalogue.TEA_JSON);

    assertThat(answer.status()).isEqualTo(200);
    ObjectName skipped = new ObjectName("io.cairn:type=skipped,application=cairn-commands");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(skipped, "ByTopicAndType")
                    .toString()
                    .contains("cairn.products.commands/PhotographProduct"));
  }

  @Test
  void shouldReadAV1LogAsTheLogTheCodeOfNowWritesAlsoAfterARebuild() {
    String now = id("rated-now");
    String before = id("rated-v1");
    send("products", now, "DefineProduct", LegacyCatalogue.TEA_JSON);
    for (String rating : LegacyCatalogue.RATINGS_JSON) {
      send("products", now, "RateProduct", rating);
    }
    LegacyCatalogue.v1Log(before).forEach(event -> log.append("products", before, event));

    assertSameProduct(now, before);
    assertThat(rebuildViews()).isZero();
    assertSameProduct(now, before);
    assertThat(types(events(before)))
        .containsExactly("ProductDefined", "RatingGiven", "RatingRevised", "RatingGiven");
    List<GenericRecord> read = log.readBack("products", Set.of(now, before));
    assertThat(read).hasSize(8);
    assertThat(read)
        .filteredOn(record -> record.getSchema().getField("causationId") == null)
        .as("v1 records, in their writer's schema")
        .extracting(record -> ((GenericRecord) record.get("payload")).getSchema().getName())
        .containsExactly("ProductDefined", "ProductRated", "ProductRated", "ProductRated");
    assertThat(read)
        .filteredOn(record -> record.getSchema().getField("causationId") != null)
        .as("v2 records")
        .extracting(record -> ((GenericRecord) record.get("payload")).getSchema().getName())
        .containsExactly("ProductDefined", "RatingGiven", "RatingRevised", "RatingGiven");
  }

  private static void assertSameProduct(String now, String before) {
    JsonNode expected = eventually("/api/v1/products/" + now, json -> rated(json, 2));
    JsonNode actual = eventually("/api/v1/products/" + before, json -> rated(json, 2));
    assertThat(withoutId(actual)).isEqualTo(withoutId(expected));
    assertThat(shown(events(before))).isEqualTo(shown(events(now)));
    assertThat(app.client().get("/api/v1/products/" + before + "/state").json().path("state"))
        .isEqualTo(app.client().get("/api/v1/products/" + now + "/state").json().path("state"));
  }

  private static boolean rated(JsonNode product, int count) {
    return product.at("/rating/count").asInt() == count;
  }

  private static JsonNode events(String product) {
    return eventually(
        "/api/v1/products/" + product + "/events", json -> json.path("items").size() == 4);
  }

  private static List<String> types(JsonNode events) {
    return events.path("items").findValuesAsText("type");
  }

  /** The events as they mean things: type, version and payload, not when or why they came. */
  private static List<JsonNode> shown(JsonNode events) {
    List<JsonNode> shown = new ArrayList<>();
    for (JsonNode item : events.path("items")) {
      ObjectNode kept = ((ObjectNode) item.deepCopy()).retain("type", "version", "payload");
      shown.add(kept);
    }
    return shown;
  }

  private static JsonNode withoutId(JsonNode view) {
    return ((ObjectNode) view.deepCopy()).without("id");
  }

  private static JsonNode products(JsonNode status) {
    for (JsonNode view : status.path("views")) {
      if (view.path("name").asText().equals("products")) {
        return view;
      }
    }
    throw new AssertionError("no products view in " + status);
  }

  private static int rebuildViews() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    return new RebuildViewsCommand(print, print, false)
        .run(List.of("--url=" + app.httpUri().toString()));
  }

  private static ProductEvent next(ProductEvent first, long version) {
    return ProductEvent.newBuilder(first)
        .setEventId(UUID.randomUUID().toString())
        .setAggregateVersion(version)
        .build();
  }

  private static JsonNode eventually(String path, java.util.function.Predicate<JsonNode> ready) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> app.client().get(path),
            answer -> answer.status() == 200 && ready.test(answer.json()))
        .json();
  }

  private static CommandClient.Answer send(String type, String id, String command, String payload) {
    CommandClient.Answer answer = app.client().send(type, id, command, payload);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  private static String id(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }
}
