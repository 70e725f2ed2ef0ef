package io.cairn.app.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.app.RunningApp;
import io.cairn.app.TopicReader;
import io.cairn.app.write.CommandClient;
import io.cairn.avro.contract.Contract;
import io.cairn.avro.personal.SealedValues;
import io.cairn.avro.serde.KafkaAvroDeserializer;
import io.cairn.commerce.Commerce;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.view.ListProjection;
import io.cairn.core.view.Projection;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.engine.testing.DirectFold;
import io.cairn.engine.views.stores.AggregateEntry;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.personal.KafkaKeyVault;
import io.cairn.kafka.topics.CairnTopics;
import io.cairn.kafka.topics.TopicDefaults;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import io.cairn.web.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every view, after a scripted sequence of commands, against the same events read from the event
 * log as any consumer reads them and folded directly with the deciders and the views' functions,
 * with no Kafka Streams in between.
 */
@WithRealKafka
class ViewsMatchTheirFoldTest {
  private static final ObjectMapper JSON = Json.newMapper();

  @RegisterExtension static final RunningApp app = new RunningApp();
  private static KafkaKeyVault keys;

  @Test
  void shouldAnswerEveryViewAsItsEventsFoldDirectly(KafkaTestCluster kafka) throws IOException {
    Scenario scenario = new Scenario(app.client()).play();
    scenario.answers(true); // the views have caught up with the script
    DirectFold fold =
        new DirectFold(
            BoundAggregate.all(Commerce.aggregateTypes(), Contract.load()), Commerce.projections());
    events(kafka, scenario).forEach(event -> fold.fold(event.type(), event.envelope()));

    Map<String, List<String>> entities =
        Map.of(
            "products", List.of("p1", "p2"),
            "carts", List.of("k1"),
            "orders", List.of("o1", "o2", "o3"),
            "customers", List.of("c1", "c2"));
    entities.forEach(
        (view, names) ->
            names.forEach(name -> assertViewMatches(fold, projection(view), scenario.id(name))));
    ListProjection<?> customerOrders = (ListProjection<?>) projection("customer-orders");
    for (String customer : List.of("c1", "c2")) {
      assertRowsMatch(fold, customerOrders, scenario.id(customer));
    }
    for (AggregateType<?, ?, ?> type : Commerce.aggregateTypes()) {
      for (String name : List.of("p1", "p2", "k1", "o1", "o2", "o3", "c1", "c2")) {
        assertStateMatches(fold, type.name(), scenario.id(name));
      }
    }
  }

  private static <V> void assertViewMatches(DirectFold fold, Projection<V> view, String id) {
    JsonNode expected = shown(view.render(fold.view(view, id).orElseThrow(), fold));
    JsonNode actual = body("/api/v1/" + view.name() + "/" + id);
    assertThat(actual).as("%s %s", view.name(), id).isEqualTo(expected);
  }

  private static <V> void assertRowsMatch(DirectFold fold, ListProjection<V> list, String id) {
    List<JsonNode> expected = new ArrayList<>();
    fold.rows(list, id).values().forEach(row -> expected.add(shown(list.render(row, fold))));
    JsonNode actual = body("/api/v1/" + list.parent() + "/" + id + "/" + list.segment());
    assertThat(actual.get("items"))
        .as("%s of %s", list.name(), id)
        .containsExactlyElementsOf(expected);
  }

  private static void assertStateMatches(DirectFold fold, String type, String id) {
    CommandClient.Answer answer = app.client().get("/api/v1/" + type + "/" + id + "/state");
    var folded = fold.aggregate(type, id);
    if (folded.isEmpty()) {
      assertThat(answer.status()).as("%s %s", type, id).isEqualTo(404);
      return;
    }
    AggregateEntry<?> entry = folded.get();
    JsonNode actual = answer.json();
    assertThat(actual.get("version").asLong()).as("%s %s", type, id).isEqualTo(entry.version());
    assertThat(actual.get("state")).as("%s %s", type, id).isEqualTo(shown(entry.state()));
  }

  /**
   * A value as the API shows it: JSON, its sealed personal values opened with the app's keys, which
   * the fold of the log reads sealed like any other reader.
   */
  private static JsonNode shown(Object value) {
    try {
      return SealedValues.open(keys(), JSON.readTree(JSON.writeValueAsString(value)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized KafkaKeyVault keys() {
    if (keys == null) {
      keys =
          new KafkaKeyVault(
              new KafkaConnection(app.bootstrapServers(), Map.of()),
              new CairnTopics(new TopicDefaults(1, (short) 1)).personalKeys().name(),
              Duration.ofSeconds(10));
    }
    return keys;
  }

  @AfterAll
  static void closeKeys() {
    if (keys != null) {
      keys.close();
    }
  }

  private static JsonNode body(String path) {
    CommandClient.Answer answer = app.client().get(path);
    assertThat(answer.status()).as("%s: %s", path, answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static Projection<?> projection(String name) {
    return Commerce.projections().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** An event of the log, as a consumer of the topics reads it. */
  private record Logged(String type, IndexedRecord envelope, Instant occurredAt) {}

  /** The script's events from every event topic, in the order they happened. */
  private static List<Logged> events(KafkaTestCluster kafka, Scenario scenario) {
    List<Logged> events = new ArrayList<>();
    // Read as a consumer of the contract reads the topics: Avro through the schema registry.
    KafkaAvroDeserializer values = new KafkaAvroDeserializer();
    values.configure(
        Map.of("schema.registry.url", app.registryUri().toString(), "specific.avro.reader", true),
        false);
    for (AggregateType<?, ?, ?> type : Commerce.aggregateTypes()) {
      for (ConsumerRecord<String, Object> record :
          TopicReader.readAll(kafka, "cairn." + type.name() + ".events", values)) {
        if (scenario.owns(record.key())) {
          IndexedRecord envelope = (IndexedRecord) record.value();
          Instant at = (Instant) envelope.get(envelope.getSchema().getField("occurredAt").pos());
          events.add(new Logged(type.name(), envelope, at));
        }
      }
    }
    // Stable: one aggregate's events keep their log order when their instants tie.
    events.sort(Comparator.comparing(Logged::occurredAt));
    return events;
  }
}
