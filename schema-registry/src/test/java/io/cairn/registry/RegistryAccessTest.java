package io.cairn.registry;

import static io.cairn.registry.RegistryFixture.record;
import static io.cairn.registry.RegistryFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.util.security.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may use the registry: with a users file, every call needs one of its users and writes an
 * admin; without one, writes need an admin whenever the app authenticates. A refused registration
 * is answered and leaves nothing in the log.
 */
@WithRealKafka
class RegistryAccessTest {
  private static final String V1 = record("Note", "{\"name\":\"text\",\"type\":\"string\"}");
  private static final String V2_REQUIRED =
      record(
          "Note", "{\"name\":\"text\",\"type\":\"string\"}", "{\"name\":\"x\",\"type\":\"int\"}");
  private static final String ADMIN = "ada:s3cret-admin";
  private static final String READER = "rob:s3cret-reader";

  @TempDir Path dir;

  @Test
  void withAUsersFileEveryCallNeedsAUserAndWritesAnAdmin(KafkaTestCluster kafka)
      throws IOException {
    Path users = dir.resolve("users.properties");
    Files.writeString(
        users,
        "# the registry's users\nada: s3cret-admin,user,admin\nrob: OBF:"
            + obfuscated()
            + ",user\n");
    String subject = kafka.uniqueName("notes") + "-value";
    try (EmbeddedSchemaRegistry registry =
        RegistryFixture.onFreshLog(kafka).start(RegistryUsers.load(users), false)) {
      assertThat(send(registry, "GET", "/subjects", null, null).status()).isEqualTo(401);
      assertThat(send(registry, "GET", "/subjects", null, "rob:wrong").status()).isEqualTo(401);
      assertThat(send(registry, "GET", "/subjects", null, READER).status()).isEqualTo(200);
      var byReader = register(registry, subject, V1, READER);
      assertThat(byReader.status()).isEqualTo(403);
      assertThat(byReader.errorCode()).isEqualTo(40301);
      assertThat(register(registry, subject, V1, ADMIN).status()).isEqualTo(200);
      assertThat(send(registry, "PUT", "/config", Map.of("compatibility", "NONE"), READER).status())
          .isEqualTo(403);
      assertThat(send(registry, "DELETE", "/subjects/" + subject, null, READER).status())
          .isEqualTo(403);
      assertThat(
              send(registry, "POST", "/subjects/" + subject, Map.of("schema", V1), READER).status())
          .isEqualTo(200);
    }
  }

  @Test
  void withoutAUsersFileReadsAreOpenAndWritesNeedTheAppsOwnAdmin(KafkaTestCluster kafka) {
    RegistryUsers users =
        RegistryUsers.none().with("cairn-app", "the-apps-password", RegistryUsers.Role.ADMIN);
    String subject = kafka.uniqueName("notes") + "-value";
    try (EmbeddedSchemaRegistry registry = RegistryFixture.onFreshLog(kafka).start(users, true)) {
      var anonymous = register(registry, subject, V1, null);
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.errorCode()).isEqualTo(40101);
      assertThat(send(registry, "PUT", "/config", Map.of("compatibility", "NONE"), null).status())
          .isEqualTo(401);
      assertThat(register(registry, subject, V1, "cairn-app:the-apps-password").status())
          .isEqualTo(200);
      assertThat(send(registry, "GET", "/subjects/" + subject + "/versions", null, null).status())
          .isEqualTo(200);
    }
  }

  @Test
  void aRefusedRegistrationIsAnsweredButNotWritten(KafkaTestCluster kafka) {
    RegistryFixture fixture = RegistryFixture.onFreshLog(kafka);
    String subject = kafka.uniqueName("notes") + "-value";
    try (EmbeddedSchemaRegistry registry = fixture.start()) {
      assertThat(register(registry, subject, V1, null).status()).isEqualTo(200);
      long written = fixture.logRecords();

      for (int i = 0; i < 5; i++) {
        assertThat(register(registry, subject, V2_REQUIRED, null).status()).isEqualTo(409);
      }

      assertThat(fixture.logRecords()).isEqualTo(written);
    }
  }

  private static RegistryFixture.Answer register(
      EmbeddedSchemaRegistry registry, String subject, String schema, String user) {
    return send(
        registry, "POST", "/subjects/" + subject + "/versions", Map.of("schema", schema), user);
  }

  /** The reader's password as Jetty obfuscates it, as a users file may hold it. */
  private static String obfuscated() {
    return Password.obfuscate("s3cret-reader").substring(4);
  }
}
