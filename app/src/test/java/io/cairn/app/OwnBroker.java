package io.cairn.app;

import io.cairn.kafka.embedded.BrokerSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of an app that runs its own embedded broker in a test's directory, on free ports,
 * rather than on the shared test broker: for tests that stop, secure or damage the broker.
 */
public final class OwnBroker {
  private OwnBroker() {}

  /**
   * The flags of such an app: free HTTP and registry ports, its state and broker under the
   * directory, and the given settings besides.
   *
   * @param partitions the topics' partitions
   */
  public static List<String> flags(Path dir, int partitions, String... more) {
    BrokerSettings broker = BrokerSettings.onFreePorts(dir.resolve("kafka"));
    List<String> flags =
        new ArrayList<>(
            List.of(
                "--http.port=0",
                "--registry.port=0",
                "--topics.partitions=" + partitions,
                "--streams.state.dir=" + dir.resolve("state"),
                "--broker.data.dir=" + broker.dataDir(),
                "--broker.port=" + broker.port(),
                "--broker.controller.port=" + broker.controllerPort(),
                "--broker.heap=512m"));
    flags.addAll(List.of(more));
    return List.copyOf(flags);
  }
}
