package io.cairn.registry;

import static io.cairn.registry.RegistryFixture.get;
import static io.cairn.registry.RegistryFixture.record;
import static io.cairn.registry.RegistryFixture.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The registry's state lives in its Kafka log: it survives restarts and is shared by instances. */
@WithRealKafka
class RegistryDurabilityTest {

  @Test
  void shouldKeepIdsAndVersionsAcrossRestart(KafkaTestCluster kafka) {
    RegistryFixture fixture = RegistryFixture.onFreshLog(kafka);
    Map<String, Integer> ids = new HashMap<>();
    try (EmbeddedSchemaRegistry first = fixture.start()) {
      for (int i = 0; i < 3; i++) {
        String schema = schema(i);
        ids.put(
            schema, register(first, "restart-" + i + "-value", schema).json().get("id").asInt());
      }
    }

    try (EmbeddedSchemaRegistry second = fixture.start()) {
      for (int i = 0; i < 3; i++) {
        String schema = schema(i);
        int id = ids.get(schema);
        assertThat(get(second, "/schemas/ids/" + id).json().get("schema").asText())
            .contains("Schema" + i);
        assertThat(register(second, "restart-" + i + "-value", schema).json().get("id").asInt())
            .isEqualTo(id);
        assertThat(get(second, "/subjects/restart-" + i + "-value/versions").json().toString())
            .isEqualTo("[1]");
      }
      assertThat(register(second, "restart-new-value", schema(3)).json().get("id").asInt())
          .isNotIn(ids.values());
    }
  }

  @Test
  void shouldNeverHandOutOneIdForTwoSchemasAcrossInstances(KafkaTestCluster kafka)
      throws Exception {
    RegistryFixture fixture = RegistryFixture.onFreshLog(kafka);
    try (EmbeddedSchemaRegistry a = fixture.start();
        EmbeddedSchemaRegistry b = fixture.start();
        ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Callable<Integer>> registrations = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        EmbeddedSchemaRegistry instance = i % 2 == 0 ? a : b;
        String schema = schema(i);
        registrations.add(
            () ->
                register(instance, "shared-value-" + schema.hashCode(), schema)
                    .json()
                    .get("id")
                    .asInt());
      }
      List<Integer> ids = new ArrayList<>();
      for (Future<Integer> id : pool.invokeAll(registrations)) {
        ids.add(id.get());
      }

      assertThat(ids).doesNotHaveDuplicates();
      for (int i = 0; i < ids.size(); i++) {
        String fromA = get(a, "/schemas/ids/" + ids.get(i)).json().get("schema").asText();
        String fromB = get(b, "/schemas/ids/" + ids.get(i)).json().get("schema").asText();
        assertThat(fromA).isEqualTo(fromB).contains("Schema" + i);
      }
    }
  }

  private static String schema(int i) {
    return record("Schema" + i, "{\"name\":\"value\",\"type\":\"long\"}");
  }
}
