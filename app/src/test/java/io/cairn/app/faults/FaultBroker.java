package io.cairn.app.faults;

import io.cairn.kafka.embedded.BrokerSettings;
import io.cairn.kafka.embedded.EmbeddedBroker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A fault case's own broker, which the case kills with SIGKILL and starts again on the same data
 * and ports, and which is stopped at the end whatever happened.
 */
final class FaultBroker implements AutoCloseable {
  private static final Duration DEATH = Duration.ofSeconds(30);

  private final BrokerSettings settings;
  private EmbeddedBroker current;

  private FaultBroker(BrokerSettings settings, EmbeddedBroker current) {
    this.settings = settings;
    this.current = current;
  }

  static FaultBroker start(BrokerSettings settings) {
    return new FaultBroker(settings, EmbeddedBroker.start(settings));
  }

  /** Where clients connect. */
  String bootstrapServers() {
    return settings.bootstrapServers();
  }

  /** Kills the broker's process with SIGKILL, as a crash or an OOM killer would, and waits. */
  void kill() throws Exception {
    ProcessHandle process = ProcessHandle.of(current.pid()).orElseThrow();
    process.destroyForcibly();
    process.onExit().get(DEATH.toSeconds(), TimeUnit.SECONDS);
  }

  /** Starts the broker again on its data directory, and returns once it answers. */
  void restart() {
    current = EmbeddedBroker.start(settings);
  }

  @Override
  public void close() {
    current.close();
  }
}
