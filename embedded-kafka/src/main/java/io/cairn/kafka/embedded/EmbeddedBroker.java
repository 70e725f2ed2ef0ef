package io.cairn.kafka.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker, one KRaft node acting as broker and controller, running in a child
 * JVM bound to 127.0.0.1. It is the cluster of `bin/cairn run` when no other is configured, and the
 * broker that integration tests run against.
 *
 * <p>{@link #start} returns once the broker answers clients; {@link #close} stops it cleanly
 * (SIGTERM, then a wait). A broker that an earlier run left behind on the same data directory is
 * found through the pid file and stopped before a new one starts, so brokers are never doubled.
 */
public final class EmbeddedBroker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final BrokerSettings settings;
  private final BrokerProcesses processes;
  private final BrokerPidFile pidFile;
  private final Process process;
  private final Optional<BrokerSecurity> security;

  private EmbeddedBroker(
      BrokerSettings settings,
      BrokerProcesses processes,
      BrokerPidFile pidFile,
      Process process,
      Optional<BrokerSecurity> security) {
    this.settings = settings;
    this.processes = processes;
    this.pidFile = pidFile;
    this.process = process;
    this.security = security;
  }

  /**
   * Starts a broker and waits until it answers.
   *
   * @throws BrokerStartException when a port is taken, the data directory belongs to another live
   *     process, or the broker does not come up in time; the message says which
   */
  public static EmbeddedBroker start(BrokerSettings settings) {
    Instant started = Instant.now();
    EmbeddedBroker broker = launch(settings, Quorum.alone(settings));
    broker.awaitReadyOrStop(started.plus(settings.startTimeout()));
    return broker;
  }

  /**
   * Launches a node of a cluster without waiting for it: a node waits for a majority of its quorum
   * before it answers, so every node of a cluster is launched first and awaited after.
   */
  static EmbeddedBroker launch(BrokerSettings settings, Quorum quorum) {
    BrokerProcesses processes = new BrokerProcesses(settings, quorum);
    try {
      Files.createDirectories(processes.home());
    } catch (IOException e) {
      throw new BrokerStartException("cannot create the broker's data directory", e);
    }
    BrokerPidFile pidFile = new BrokerPidFile(processes.home().resolve("broker.pid"));
    new LeftoverBroker(pidFile, processes, STOP_TIMEOUT).stopIfAny();
    requireFree(settings.port(), "broker.port");
    requireFree(settings.controllerPort(), "broker.controller.port");

    Optional<BrokerSecurity> security =
        settings.secure()
            ? Optional.of(BrokerSecurity.under(processes.home(), processes.formatted()))
            : Optional.empty();
    processes.writeServerProperties(security);
    processes.formatIfNew(security);
    Process process = processes.startServer();
    pidFile.write(new BrokerPidFile.Entry(process.pid(), ProcessHandle.current().pid()));
    return new EmbeddedBroker(settings, processes, pidFile, process, security);
  }

  /** Waits until the broker answers; stops it and rethrows if it does not in time. */
  void awaitReadyOrStop(Instant deadline) {
    Instant began = Instant.now();
    try {
      awaitReady(deadline);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    log.info(
        "Kafka broker (pid {}) ready at {} in {} ms, data in {}",
        process.pid(),
        settings.bootstrapServers(),
        Duration.between(began, Instant.now()).toMillis(),
        processes.home());
  }

  /** The address clients use to reach this broker. */
  public String bootstrapServers() {
    return settings.bootstrapServers();
  }

  /** The secure mode's users and certificates, when the broker runs in it. */
  public Optional<BrokerSecurity> security() {
    return security;
  }

  /** The broker's process id, so callers can check that it is gone after {@link #close}. */
  public long pid() {
    return process.pid();
  }

  /** Completes when the broker's process has exited, for whatever reason. */
  public CompletableFuture<Process> exited() {
    return process.onExit();
  }

  /** Whether the broker's process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Stops the broker: SIGTERM for Kafka's controlled shutdown, then SIGKILL if it hangs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      log.info("Stopping Kafka broker (pid {})", process.pid());
      ProcessStopper.stop(process.toHandle(), STOP_TIMEOUT);
    }
    // A later start may have found this broker left behind and replaced it: its file is not ours.
    if (pidFile.read().filter(entry -> entry.brokerPid() == process.pid()).isPresent()) {
      pidFile.delete();
    }
  }

  private void awaitReady(Instant deadline) {
    // Wait for the listener before asking Kafka anything: an admin client pointed at a closed port
    // fills the log with connection warnings while the broker boots.
    while (!acceptsConnections()) {
      failIfExitedOrLate(deadline);
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    Map<String, Object> props =
        new HashMap<>(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200));
    security.ifPresent(secure -> props.putAll(secure.clientSettings(BrokerSecurity.ADMIN)));
    try (Admin admin = Admin.create(props)) {
      while (!answers(admin)) {
        failIfExitedOrLate(deadline);
      }
    }
  }

  private boolean acceptsConnections() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(BrokerSettings.HOST, settings.port()), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void failIfExitedOrLate(Instant deadline) {
    if (!process.isAlive()) {
      throw new BrokerStartException(
          "the Kafka broker exited during start-up (exit "
              + process.exitValue()
              + "); its last words, from "
              + processes.brokerLog()
              + ":\n"
              + LogTail.of(processes.brokerLog(), 15)
              + "\n"
              + LogTail.of(processes.consoleLog(), 15));
    }
    if (Instant.now().isAfter(deadline)) {
      throw new BrokerStartException(
          "the Kafka broker did not answer at "
              + settings.bootstrapServers()
              + " within "
              + settings.startTimeout()
              + "; see "
              + processes.brokerLog());
    }
  }

  private static boolean answers(Admin admin) {
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(1_000))
          .nodes()
          .get(2, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return false; // not serving yet: the caller checks the process and the deadline, then asks
      // again
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerStartException("interrupted while waiting for the Kafka broker", e);
    }
  }

  private static void requireFree(int port, String key) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(BrokerSettings.HOST), port));
    } catch (IOException e) {
      throw new BrokerStartException(
          "port "
              + port
              + " on "
              + BrokerSettings.HOST
              + " is already in use, so the embedded Kafka broker cannot bind it. Is another Kafka"
              + " running? Set "
              + key
              + " to a free port, or set kafka.bootstrap.servers to use that Kafka instead.");
    }
  }
}
