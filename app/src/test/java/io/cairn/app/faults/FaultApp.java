package io.cairn.app.faults;

import io.cairn.app.CairnApp;
import io.cairn.app.config.CairnConfig;
import io.cairn.testkit.ReadinessWait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The app of a fault case, in the test's JVM on the case's own broker or cluster. */
final class FaultApp {
  private FaultApp() {}

  /**
   * A ready app, its state in the case's directory, on two partitions per topic; closed by the
   * caller.
   *
   * @param httpPort its API's port, fixed when clients must find it again after a restart; 0 for
   *     any
   * @param more settings besides, such as the topics' replication factor
   */
  static CairnApp start(Path dir, String bootstrap, int httpPort, String... more) {
    List<String> flags =
        new ArrayList<>(
            List.of(
                "--http.port=" + httpPort,
                "--registry.port=0",
                "--topics.partitions=2",
                "--streams.state.dir=" + dir.resolve("state")));
    flags.addAll(List.of(more));
    CairnApp app =
        CairnApp.start(CairnConfig.load(flags, Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap)));
    try {
      ReadinessWait.awaitReady(app.httpUri(), Duration.ofSeconds(90));
    } catch (RuntimeException | AssertionError e) {
      app.close();
      throw e;
    }
    return app;
  }
}
