package io.cairn.app;

import io.cairn.app.config.CairnConfig;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.ReadinessWait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the app in the test's JVM on the shared test broker, with free ports and the test's own
 * state directory, and returns once it is ready. Every in-process app declares one partition per
 * topic, so that all of them agree with the topics on the shared broker.
 */
public final class InProcessApp {
  private InProcessApp() {}

  /** A ready app; the caller closes it. */
  public static CairnApp start(KafkaTestCluster kafka, Path stateDir) {
    return start(kafka, stateDir, List.of());
  }

  /**
   * A ready app with more settings, such as {@code --orders.ship.within=PT5S}; closed by the
   * caller.
   */
  public static CairnApp start(KafkaTestCluster kafka, Path stateDir, List<String> more) {
    List<String> flags =
        new ArrayList<>(
            List.of(
                "--http.port=0",
                "--registry.port=0",
                "--topics.partitions=1",
                "--streams.state.dir=" + stateDir));
    flags.addAll(more);
    CairnApp app =
        CairnApp.start(
            CairnConfig.load(flags, Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers())));
    try {
      ReadinessWait.awaitReady(app.httpUri(), Duration.ofSeconds(60));
    } catch (RuntimeException | AssertionError e) {
      app.close();
      throw e;
    }
    return app;
  }
}
