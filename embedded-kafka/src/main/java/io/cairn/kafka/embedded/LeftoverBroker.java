package io.cairn.kafka.embedded;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a broker that an earlier run left running on the same data directory, and either stops it
 * (its owner is gone) or refuses to start (its owner is alive and still using it).
 */
final class LeftoverBroker {
  private static final Logger log = LoggerFactory.getLogger(LeftoverBroker.class);

  private final BrokerPidFile pidFile;
  private final BrokerProcesses processes;
  private final Duration stopTimeout;

  LeftoverBroker(BrokerPidFile pidFile, BrokerProcesses processes, Duration stopTimeout) {
    this.pidFile = pidFile;
    this.processes = processes;
    this.stopTimeout = stopTimeout;
  }

  void stopIfAny() {
    Optional<BrokerPidFile.Entry> entry = pidFile.read();
    if (entry.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> broker =
        ProcessHandle.of(entry.get().brokerPid())
            .filter(ProcessHandle::isAlive)
            .filter(this::isBrokerOfThisDirectory);
    if (broker.isEmpty()) {
      pidFile.delete(); // the broker is gone; the pid file only outlived it
      return;
    }
    long owner = entry.get().ownerPid();
    if (owner != ProcessHandle.current().pid() && isAlive(owner)) {
      throw new BrokerStartException(
          "the Kafka broker in "
              + processes.home()
              + " (pid "
              + broker.get().pid()
              + ") belongs to process "
              + owner
              + ", which is still running. Stop that process first, or share its broker by"
              + " setting kafka.bootstrap.servers to its address.");
    }
    log.warn(
        "Found a Kafka broker (pid {}) left behind by an earlier run (owner pid {} is gone);"
            + " stopping it before starting a new one",
        broker.get().pid(),
        owner);
    ProcessStopper.stop(broker.get(), stopTimeout);
    pidFile.delete();
  }

  /** Guards against a recycled pid: the process must be a broker of this data directory. */
  private boolean isBrokerOfThisDirectory(ProcessHandle process) {
    String marker = processes.homeMarker();
    return process
        .info()
        .commandLine()
        .map(line -> line.contains(marker + " ") || line.endsWith(marker))
        .orElse(false);
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
