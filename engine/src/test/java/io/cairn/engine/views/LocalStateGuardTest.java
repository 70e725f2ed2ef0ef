package io.cairn.engine.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.WithRealKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard against local views state built on changelogs a rebuild has since replaced. */
@WithRealKafka
class LocalStateGuardTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path stateDir;

  @Test
  void shouldFindLocalStateStaleOnceItsChangelogWasReplaced(KafkaTestCluster kafka)
      throws Exception {
    String application = "guard-" + UUID.randomUUID().toString().substring(0, 8);
    String changelog = application + "-store-changelog";
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      create(admin, changelog);
      LocalStateGuard guard = new LocalStateGuard(admin, application, stateDir, TIMEOUT);
      boolean staleBeforeNoting = guard.stale();
      guard.note();
      boolean staleAsNoted = guard.stale();

      admin.deleteTopics(List.of(changelog)).all().get();
      // Made again under the same name once the deletion has gone through, as a rebuild does.
      await().atMost(TIMEOUT).ignoreExceptions().until(() -> create(admin, changelog));

      assertThat(staleBeforeNoting).isFalse();
      assertThat(staleAsNoted).isFalse();
      assertThat(guard.stale()).isTrue();
      guard.forget();
      assertThat(guard.stale()).isFalse();
    }
  }

  private static boolean create(Admin admin, String topic) throws Exception {
    admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all().get();
    return true;
  }
}
