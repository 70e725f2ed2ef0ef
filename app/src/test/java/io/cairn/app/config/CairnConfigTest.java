package io.cairn.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CairnConfigTest {
  @TempDir Path dir;

  @Test
  void shouldRunEmbeddedBrokerOnDefaultsWhenNothingIsConfigured() {
    CairnConfig config = CairnConfig.load(List.of(), Map.of());

    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.http().host()).isEqualTo("127.0.0.1");
    assertThat(config.kafka().useEmbeddedBroker()).isTrue();
    assertThat(config.broker().dataDir()).isEqualTo(Path.of("data", "kafka"));
    assertThat(config.broker().port()).isEqualTo(9092);
    assertThat(config.topics().partitions()).isEqualTo(6);
    assertThat(config.registry().useEmbeddedRegistry()).isTrue();
    assertThat(config.registry().port()).isEqualTo(8081);
    assertThat(config.registry().topic()).isEqualTo("_schemas");
  }

  @Test
  void shouldLetFileThenEnvironmentThenFlagsOverrideEachOther() throws Exception {
    Path file = dir.resolve("cairn.properties");
    Files.writeString(file, "http.port=7000\nbroker.port=7001\ntopics.partitions=2\n");

    CairnConfig config =
        CairnConfig.load(
            List.of("--config", file.toString(), "--http.port=7100"),
            Map.of("CAIRN_HTTP_PORT", "7200", "CAIRN_BROKER_PORT", "7201"));

    assertThat(config.http().port()).isEqualTo(7100);
    assertThat(config.broker().port()).isEqualTo(7201);
    assertThat(config.topics().partitions()).isEqualTo(2);
  }

  @Test
  void shouldUseExternalClusterWithItsSecuritySettings() {
    CairnConfig config =
        CairnConfig.load(
            List.of("--kafka.security.protocol=SASL_SSL", "--kafka.sasl.mechanism", "PLAIN"),
            Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092"));

    assertThat(config.kafka().useEmbeddedBroker()).isFalse();
    var connection = config.kafka().connection("unused:9092");
    assertThat(connection.clientConfig())
        .containsEntry("bootstrap.servers", "kafka-1:9092,kafka-2:9092")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN");
  }

  @Test
  void shouldRefuseToServeOtherMachinesWithNobodyAuthenticatedUnlessAskedTo() {
    assertThatThrownBy(() -> CairnConfig.load(List.of("--http.host=0.0.0.0"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("auth.allow.anonymous=true");

    assertThat(
            CairnConfig.load(
                    List.of("--http.host=0.0.0.0", "--auth.allow.anonymous=true"), Map.of())
                .auth()
                .mode())
        .isEqualTo(AuthConfig.Mode.NONE);
    assertThat(
            CairnConfig.load(
                    List.of(
                        "--http.host=0.0.0.0",
                        "--auth.mode=jwt",
                        "--auth.jwt.issuer=https://id.example",
                        "--auth.jwt.jwks.url=https://id.example/jwks.json"),
                    Map.of())
                .auth()
                .keys())
        .isPresent();
  }

  @Test
  void shouldRefuseJwtWithoutItsIssuerOrWithTwoSourcesOfKeysOrAShortSecret() {
    assertThatThrownBy(() -> CairnConfig.load(List.of("--auth.mode=jwt"), Map.of()))
        .hasMessageContaining("auth.jwt.issuer");
    assertThatThrownBy(
            () ->
                CairnConfig.load(
                    List.of(
                        "--auth.mode=jwt",
                        "--auth.jwt.issuer=https://id.example",
                        "--auth.jwt.jwks.url=https://id.example/jwks.json",
                        "--auth.jwt.hs256.secret=0123456789abcdef0123456789abcdef"),
                    Map.of()))
        .hasMessageContaining("give one of");
    assertThatThrownBy(
            () ->
                CairnConfig.load(
                    List.of(
                        "--auth.mode=jwt",
                        "--auth.jwt.issuer=https://id.example",
                        "--auth.jwt.hs256.secret=short"),
                    Map.of()))
        .hasMessageContaining("32 bytes");
  }

  @Test
  void shouldNameUnknownKeyItsOriginAndTheKeyMeant() {
    assertThatThrownBy(() -> CairnConfig.load(List.of(), Map.of("CAIRN_HTTP_PROT", "8080")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "unknown key http.prot (from environment variable CAIRN_HTTP_PROT);"
                + " did you mean http.port?");
  }

  @Test
  void shouldNameMalformedValueAndWhatIsWrongWithIt() {
    assertThatThrownBy(() -> CairnConfig.load(List.of("--http.port=eighty"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "malformed value 'eighty' for http.port (from flag --http.port): not a whole number");
    assertThatThrownBy(() -> CairnConfig.load(List.of("--broker.port=70000"), Map.of()))
        .hasMessageContaining("broker.port (from flag --broker.port): must be between 1 and 65535");
    assertThatThrownBy(() -> CairnConfig.load(List.of("--broker.start.timeout=soon"), Map.of()))
        .hasMessageContaining("broker.start.timeout")
        .hasMessageContaining("write it like 500ms, 30s");
  }

  @Test
  void shouldReportEveryProblemAtOnce() {
    ConfigException error =
        (ConfigException)
            catchThrowable(
                () ->
                    CairnConfig.load(
                        List.of("--http.port=x", "--topics.partitions=0", "--nonsense=1"),
                        Map.of()));

    assertThat(error.problems()).hasSize(3);
    assertThat(error.problems())
        .anySatisfy(problem -> assertThat(problem).contains("http.port"))
        .anySatisfy(problem -> assertThat(problem).contains("topics.partitions"))
        .anySatisfy(problem -> assertThat(problem).contains("unknown key nonsense"));
  }

  @Test
  void shouldRefuseKafkaSettingThatNotEveryClientUnderstands() {
    assertThatThrownBy(() -> CairnConfig.load(List.of("--kafka.acks=all"), Map.of()))
        .hasMessageContaining("unknown key kafka.acks (from flag --kafka.acks)")
        .hasMessageContaining("every Kafka client");
  }

  @Test
  void shouldRefuseCrossFieldMistakeNamingTheKeys() {
    assertThatThrownBy(
            () ->
                CairnConfig.load(
                    List.of("--broker.port=9000", "--broker.controller.port=9000"), Map.of()))
        .hasMessageContaining("broker.*: the broker's port and controller port must differ");
  }

  @Test
  void shouldStartOnlyOnThreeCopiesWhenDurabilityIsRequired() {
    Map<String, String> external = Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092");
    assertThatThrownBy(() -> CairnConfig.load(List.of("--topics.require.durable=true"), Map.of()))
        .hasMessageContaining("topics.require.durable: true needs an external cluster")
        .hasMessageContaining("not the embedded broker");
    assertThatThrownBy(
            () ->
                CairnConfig.load(
                    List.of("--topics.require.durable=true", "--topics.replication.factor=2"),
                    external))
        .hasMessageContaining("at least 3, not 2");
    CairnConfig durable =
        CairnConfig.load(
            List.of("--topics.require.durable=true", "--topics.replication.factor=3"), external);
    assertThat(durable.durability().requireDurable()).isTrue();
    assertThat(durable.topics().minInSyncReplicas()).isEqualTo(2);
    assertThat(CairnConfig.load(List.of(), Map.of()).durability().allowFiniteRetention())
        .as("the event log is kept forever unless an archiving setup says otherwise")
        .isFalse();
  }

  @Test
  void shouldRunAnEmbeddedClusterOfThreeNodesWithThreeCopiesOfEachTopic() {
    CairnConfig config =
        CairnConfig.load(
            List.of("--broker.nodes=3", "--broker.port=7100", "--broker.controller.port=7101"),
            Map.of());
    assertThat(config.brokerNodeSettings())
        .extracting(
            b -> b.dataDir().getFileName().toString(), b -> b.port(), b -> b.controllerPort())
        .containsExactly(
            tuple("node-1", 7100, 7101), tuple("node-2", 7102, 7103), tuple("node-3", 7104, 7105));
    assertThat(config.topics().replicationFactor()).isEqualTo((short) 3);
    assertThat(config.topics().minInSyncReplicas()).isEqualTo(2);
    assertThat(CairnConfig.load(List.of(), Map.of()).topics().replicationFactor())
        .isEqualTo((short) 1);
    assertThatThrownBy(
            () ->
                CairnConfig.load(
                    List.of("--broker.nodes=3", "--broker.security=sasl_ssl"), Map.of()))
        .hasMessageContaining("broker.nodes: the secure mode runs on one node only");
  }

  @Test
  void shouldRefuseStreamsTimingsKafkaCouldNotUse() {
    assertThatThrownBy(
            () ->
                CairnConfig.load(
                    List.of("--streams.fetch.wait=5s", "--views.commit.interval=0ms"), Map.of()))
        .hasMessageContaining("streams.*: streams.fetch.wait must be between 0 and 1s")
        .hasMessageContaining("views.*: views.commit.interval must be positive");
  }

  @Test
  void shouldLetIdleFetchesWaitAndCommitViewsLessOftenByDefault() {
    CairnConfig config = CairnConfig.load(List.of(), Map.of());

    assertThat(config.processing().fetchWait()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.views().commitInterval()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void shouldExplainMalformedFlagsAndUnreadableFile() {
    assertThatThrownBy(() -> CairnConfig.load(List.of("--http.port"), Map.of()))
        .hasMessageContaining("flag --http.port has no value");
    assertThatThrownBy(() -> CairnConfig.load(List.of("stray"), Map.of()))
        .hasMessageContaining("unexpected argument 'stray'");
    assertThatThrownBy(
            () ->
                CairnConfig.load(List.of(), Map.of("CAIRN_CONFIG", dir.resolve("none").toString())))
        .hasMessageContaining("cannot read the config file")
        .hasMessageContaining("environment variable CAIRN_CONFIG");
  }

  @Test
  void shouldGiveTheEmbeddedRegistryItsUsersAndTheAppsOwnClientItsUser() throws Exception {
    Path users = dir.resolve("registry-users");
    Files.writeString(users, "ada: s3cret,admin\nnot a user line\n");
    assertThatThrownBy(() -> CairnConfig.load(List.of("--registry.users.file=" + users), Map.of()))
        .hasMessageContaining("registry.users.file")
        .hasMessageContaining("line 2")
        .hasMessageNotContaining("s3cret");

    var client =
        CairnConfig.load(List.of(), Map.of())
            .registry()
            .clientConfig(
                Optional.of(
                    new RegistryConfig.Embedded(
                        URI.create("http://127.0.0.1:8081"), "cairn-app:pw", Optional.empty())));
    assertThat(client.userInfo()).hasValue("cairn-app:pw");
  }

  @Test
  void shouldUseExternalRegistryWithItsClientSettings() {
    CairnConfig config =
        CairnConfig.load(
            List.of("--registry.client.basic.auth.user.info=cairn:secret"),
            Map.of("SCHEMA_REGISTRY_URL", "https://registry.example:8081"));

    assertThat(config.registry().useEmbeddedRegistry()).isFalse();
    var client = config.registry().clientConfig(Optional.empty());
    assertThat(client.urls())
        .extracting(Object::toString)
        .containsExactly("https://registry.example:8081");
    assertThat(client.userInfo()).hasValue("cairn:secret");
  }

  @Test
  void shouldNameMalformedRegistrySettings() {
    assertThatThrownBy(
            () ->
                CairnConfig.load(
                    List.of("--registry.compatibility=SIDEWAYS", "--registry.client.acks=1"),
                    Map.of("SCHEMA_REGISTRY_URL", "registry:8081")))
        .hasMessageContaining(
            "malformed value 'registry:8081' for registry.url (from environment variable"
                + " SCHEMA_REGISTRY_URL): not an http or https URL")
        .hasMessageContaining("malformed value 'SIDEWAYS' for registry.compatibility")
        .hasMessageContaining("unknown key registry.client.acks");
  }

  @Test
  void shouldParseDurationsAsPeopleWriteThem() {
    CairnConfig config = CairnConfig.load(List.of("--broker.start.timeout=90s"), Map.of());

    assertThat(config.broker().startTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
  }

  @Test
  void shouldDocumentEveryKeyWithItsDefault() {
    assertThat(CairnConfig.documentation())
        .extracting(Settings.KeyDoc::key)
        .contains("http.port", "kafka.bootstrap.servers", "kafka.*", "broker.data.dir");
    assertThat(CairnConfig.documentation())
        .filteredOn(doc -> doc.key().equals("http.port"))
        .extracting(Settings.KeyDoc::defaultValue)
        .containsExactly("8080");
  }
}
