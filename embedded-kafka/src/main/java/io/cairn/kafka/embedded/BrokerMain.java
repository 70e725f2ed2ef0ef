package io.cairn.kafka.embedded;

import java.util.Optional;

/**
 * The embedded broker's entry point in its child JVM: Kafka's own {@code kafka.Kafka}, plus a watch
 * on the process that owns the broker. When the owner dies without stopping the broker (SIGKILL, a
 * crash, a test JVM killed on timeout), the broker shuts itself down cleanly instead of living on
 * as an orphan that holds the ports and the data directory.
 */
public final class BrokerMain {
  /** System property naming the pid of the process that owns this broker. */
  static final String OWNER_PID_PROPERTY = "cairn.broker.ownerPid";

  private BrokerMain() {}

  /**
   * Starts Kafka with the given server.properties.
   *
   * @param args the arguments of {@code kafka.Kafka}: the path of server.properties
   */
  public static void main(String[] args) {
    ownerPid().ifPresent(BrokerMain::exitWhenOwnerExits);
    kafka.Kafka.main(args);
  }

  private static Optional<Long> ownerPid() {
    return Optional.ofNullable(System.getProperty(OWNER_PID_PROPERTY)).map(Long::parseLong);
  }

  private static void exitWhenOwnerExits(long pid) {
    Optional<ProcessHandle> owner = ProcessHandle.of(pid);
    if (owner.isEmpty()) {
      System.err.println("Cairn process " + pid + " that owns this broker is gone; not starting.");
      System.exit(1);
    }
    // System.exit runs Kafka's shutdown hook, which shuts the broker down in order.
    owner
        .get()
        .onExit()
        .thenRun(
            () -> {
              System.err.println("Cairn process " + pid + " exited; stopping its Kafka broker.");
              System.exit(0);
            });
  }
}
