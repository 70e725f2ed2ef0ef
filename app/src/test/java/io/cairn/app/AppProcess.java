package io.cairn.app;

import io.cairn.testkit.FreePorts;
import io.cairn.testkit.JavaProcess;
import io.cairn.testkit.KafkaTestCluster;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a crash test runs {@code cairn run} in a JVM of its own on the shared test broker, to kill it
 * and start it again on the same ports and state directory: one partition per topic, as the shared
 * broker's topics have whichever test created them.
 */
public final class AppProcess {
  private final int httpPort = FreePorts.any();
  private final int registryPort = FreePorts.any();
  private final Path dir;
  private final List<String> args = new ArrayList<>();
  private final Map<String, String> env = new HashMap<>();

  private AppProcess(KafkaTestCluster kafka, Path dir, List<String> more) {
    this.dir = dir;
    args.addAll(
        List.of(
            "run",
            "--http.port=" + httpPort,
            "--registry.port=" + registryPort,
            "--topics.partitions=1",
            "--streams.state.dir=" + dir.resolve("streams")));
    args.addAll(more);
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
  }

  /** The app with these settings besides, keeping its state and logs in the directory. */
  public static AppProcess on(KafkaTestCluster kafka, Path dir, String... more) {
    return new AppProcess(kafka, dir, List.of(more));
  }

  /** The same app with an environment variable set, such as the payment provider's URL. */
  public AppProcess withEnv(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Where its HTTP API answers. */
  public URI api() {
    return URI.create("http://127.0.0.1:" + httpPort);
  }

  /** Where its schema registry answers. */
  public URI registry() {
    return URI.create("http://127.0.0.1:" + registryPort);
  }

  /** Starts it, its output in {@code <name>.log}; the caller ends the process. */
  public JavaProcess start(String name) {
    return JavaProcess.start(Main.class.getName(), args, env, dir.resolve(name + ".log"));
  }
}
