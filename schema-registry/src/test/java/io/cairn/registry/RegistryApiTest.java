package io.cairn.registry;

import static io.cairn.registry.RegistryFixture.delete;
import static io.cairn.registry.RegistryFixture.get;
import static io.cairn.registry.RegistryFixture.post;
import static io.cairn.registry.RegistryFixture.put;
import static io.cairn.registry.RegistryFixture.record;
import static io.cairn.registry.RegistryFixture.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry answers Confluent's REST API as Confluent documents it, over real HTTP. */
@WithRealKafka
class RegistryApiTest {
  private static final String V1 = record("Greeting", "{\"name\":\"text\",\"type\":\"string\"}");
  private static final String V2_OPTIONAL =
      record(
          "Greeting",
          "{\"name\":\"text\",\"type\":\"string\"}",
          "{\"name\":\"lang\",\"type\":[\"null\",\"string\"],\"default\":null}");
  private static final String V2_REQUIRED =
      record(
          "Greeting",
          "{\"name\":\"text\",\"type\":\"string\"}",
          "{\"name\":\"lang\",\"type\":\"string\"}");

  private static EmbeddedSchemaRegistry registry;
  private String subject;

  @BeforeAll
  static void start(KafkaTestCluster kafka) {
    registry = RegistryFixture.onFreshLog(kafka).start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @BeforeEach
  void pickSubject(KafkaTestCluster kafka) {
    subject = kafka.uniqueName("greetings") + "-value";
  }

  @Test
  void shouldRegisterIdempotentlyAndServeTheSchemaEveryWayConfluentDoes() {
    var first = register(registry, subject, V1);
    var again = register(registry, subject, V1);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
    int id = first.json().get("id").asInt();
    assertThat(again.json().get("id").asInt()).isEqualTo(id);
    assertThat(get(registry, "/subjects").json().toString()).contains("\"" + subject + "\"");
    assertThat(get(registry, "/subjects/" + subject + "/versions").json().toString())
        .isEqualTo("[1]");
    var version = get(registry, "/subjects/" + subject + "/versions/1").json();
    assertThat(version.get("subject").asText()).isEqualTo(subject);
    assertThat(version.get("version").asInt()).isEqualTo(1);
    assertThat(version.get("id").asInt()).isEqualTo(id);
    assertThat(parse(version.get("schema").asText())).isEqualTo(parse(V1));
    assertThat(get(registry, "/subjects/" + subject + "/versions/latest").json().get("id").asInt())
        .isEqualTo(id);
    assertThat(parse(get(registry, "/subjects/" + subject + "/versions/1/schema").body()))
        .isEqualTo(parse(V1));
    assertThat(parse(get(registry, "/schemas/ids/" + id).json().get("schema").asText()))
        .isEqualTo(parse(V1));
    assertThat(parse(get(registry, "/schemas/ids/" + id + "/schema").body())).isEqualTo(parse(V1));
    assertThat(get(registry, "/schemas/types").json().toString()).isEqualTo("[\"AVRO\"]");
    var lookup = post(registry, "/subjects/" + subject, Map.of("schema", V1)).json();
    assertThat(lookup.get("id").asInt()).isEqualTo(id);
    assertThat(lookup.get("version").asInt()).isEqualTo(1);
  }

  @Test
  void shouldGiveTheSameSchemaTheSameIdUnderEverySubject() {
    int id = register(registry, subject, V1).json().get("id").asInt();

    assertThat(register(registry, subject + "-other", V1).json().get("id").asInt()).isEqualTo(id);
  }

  @Test
  void shouldRefuseIncompatibleSchemaAndAcceptCompatibleOne() {
    register(registry, subject, V1);

    var refused = register(registry, subject, V2_REQUIRED);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo(409);
    assertThat(refused.json().get("message").asText())
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE");

    var accepted = register(registry, subject, V2_OPTIONAL);
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(get(registry, "/subjects/" + subject + "/versions").json().toString())
        .isEqualTo("[1,2]");
  }

  @Test
  void shouldAnswerCompatibilityChecks() {
    register(registry, subject, V1);
    String path = "/compatibility/subjects/" + subject + "/versions/latest";

    assertThat(
            post(registry, path, Map.of("schema", V2_OPTIONAL))
                .json()
                .get("is_compatible")
                .asBoolean())
        .isTrue();
    var verbose = post(registry, path + "?verbose=true", Map.of("schema", V2_REQUIRED)).json();
    assertThat(verbose.get("is_compatible").asBoolean()).isFalse();
    assertThat(verbose.get("messages").toString()).contains("lang");
  }

  @Test
  void shouldKeepSubjectLevelsApartFromTheGlobalOne() {
    register(registry, subject, V1);

    assertThat(get(registry, "/config").json().get("compatibilityLevel").asText())
        .isEqualTo("BACKWARD");
    var unset = get(registry, "/config/" + subject);
    assertThat(unset.status()).isEqualTo(404);
    assertThat(unset.errorCode()).isEqualTo(40408);
    assertThat(
            get(registry, "/config/" + subject + "?defaultToGlobal=true")
                .json()
                .get("compatibilityLevel")
                .asText())
        .isEqualTo("BACKWARD");

    var set = put(registry, "/config/" + subject, Map.of("compatibility", "NONE"));
    assertThat(set.json().get("compatibility").asText()).isEqualTo("NONE");
    assertThat(get(registry, "/config/" + subject).json().get("compatibilityLevel").asText())
        .isEqualTo("NONE");
    assertThat(register(registry, subject, V2_REQUIRED).status()).isEqualTo(200);

    var invalid = put(registry, "/config/" + subject, Map.of("compatibility", "SIDEWAYS"));
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.errorCode()).isEqualTo(42203);
  }

  @Test
  void shouldAnswerMissingThingsWithConfluentErrorCodes() {
    register(registry, subject, V1);

    assertError(get(registry, "/subjects/no-such-subject/versions"), 404, 40401);
    assertError(get(registry, "/subjects/" + subject + "/versions/9"), 404, 40402);
    assertError(get(registry, "/schemas/ids/987654"), 404, 40403);
    assertError(post(registry, "/subjects/no-such-subject", Map.of("schema", V1)), 404, 40401);
    assertError(post(registry, "/subjects/" + subject, Map.of("schema", V2_OPTIONAL)), 404, 40403);
    assertError(get(registry, "/subjects/" + subject + "/versions/first"), 422, 42202);
  }

  @Test
  void shouldRefuseInvalidSchemaWith42201() {
    assertError(
        register(registry, subject, "{\"type\":\"record\",\"name\":\"Broken\"}"), 422, 42201);
    assertError(register(registry, subject, "not json at all"), 422, 42201);
    assertError(
        post(
            registry,
            "/subjects/" + subject + "/versions",
            Map.of("schema", V1, "schemaType", "PROTOBUF")),
        422,
        42201);
  }

  @Test
  void shouldSoftDeleteVersionsAndSubjectsButKeepIdsReadable() {
    int id = register(registry, subject, V1).json().get("id").asInt();
    register(registry, subject, V2_OPTIONAL);

    assertThat(delete(registry, "/subjects/" + subject + "/versions/1").json().asInt())
        .isEqualTo(1);
    assertThat(get(registry, "/subjects/" + subject + "/versions").json().toString())
        .isEqualTo("[2]");
    assertThat(delete(registry, "/subjects/" + subject).json().toString()).isEqualTo("[2]");
    assertThat(get(registry, "/subjects").json().toString()).doesNotContain(subject);
    assertError(get(registry, "/subjects/" + subject + "/versions"), 404, 40401);
    assertThat(get(registry, "/schemas/ids/" + id).status()).isEqualTo(200);
  }

  private static void assertError(RegistryFixture.Answer answer, int status, int code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.errorCode()).as(answer.body()).isEqualTo(code);
    assertThat(answer.json().get("message").asText()).isNotBlank();
  }

  private static Schema parse(String text) {
    return new Schema.Parser().parse(text);
  }
}
