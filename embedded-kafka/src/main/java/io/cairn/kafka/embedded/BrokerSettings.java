package io.cairn.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the embedded Kafka broker runs: where it keeps its data, which loopback ports it binds, and
 * how much it may take to start.
 *
 * @param dataDir the broker's home: its log segments, generated server.properties, pid file and
 *     logs; kept across runs so a restart finds the events again
 * @param port the client listener's port on 127.0.0.1
 * @param controllerPort the KRaft controller listener's port on 127.0.0.1
 * @param maxHeap the child JVM's maximum heap, in the JVM's own syntax ({@code 512m}, {@code 1g})
 * @param startTimeout how long to wait for the broker to answer before giving up
 * @param secure whether clients authenticate with SCRAM over TLS and are authorised by ACLs ({@link
 *     BrokerSecurity}), rather than connect in plain text with every right
 * @param advertisedPort the port clients are told to connect to: the client listener's own, or that
 *     of a proxy in front of it, as fault-injection tests put one
 */
public record BrokerSettings(
    Path dataDir,
    int port,
    int controllerPort,
    String maxHeap,
    Duration startTimeout,
    boolean secure,
    int advertisedPort) {

  /** The only address the embedded broker ever binds: it is a local development broker. */
  public static final String HOST = "127.0.0.1";

  private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]");

  /** Validates every field, so a bad setting fails here and not deep inside the child JVM. */
  public BrokerSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(maxHeap, "maxHeap");
    Objects.requireNonNull(startTimeout, "startTimeout");
    requirePort("port", port);
    requirePort("controllerPort", controllerPort);
    requirePort("advertisedPort", advertisedPort);
    if (port == controllerPort) {
      throw new IllegalArgumentException(
          "the broker's port and controller port must differ, both are " + port);
    }
    if (!HEAP.matcher(maxHeap).matches()) {
      throw new IllegalArgumentException(
          "maxHeap must be a JVM heap size such as 512m or 1g, not '" + maxHeap + "'");
    }
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("startTimeout must be positive, not " + startTimeout);
    }
  }

  /** A broker that clients reach on its own port. */
  public BrokerSettings(
      Path dataDir,
      int port,
      int controllerPort,
      String maxHeap,
      Duration startTimeout,
      boolean secure) {
    this(dataDir, port, controllerPort, maxHeap, startTimeout, secure, port);
  }

  /** A broker in plain text, open to every local client. */
  public BrokerSettings(
      Path dataDir, int port, int controllerPort, String maxHeap, Duration startTimeout) {
    this(dataDir, port, controllerPort, maxHeap, startTimeout, false);
  }

  /** These settings in the secure mode. */
  public BrokerSettings secured() {
    return new BrokerSettings(
        dataDir, port, controllerPort, maxHeap, startTimeout, true, advertisedPort);
  }

  /** These settings with clients sent to another port, where a proxy forwards to this one. */
  public BrokerSettings advertising(int proxyPort) {
    return new BrokerSettings(
        dataDir, port, controllerPort, maxHeap, startTimeout, secure, proxyPort);
  }

  /** The settings `bin/cairn run` uses unless told otherwise. */
  public static BrokerSettings defaults() {
    return new BrokerSettings(Path.of("data", "kafka"), 9092, 9093, "1g", Duration.ofSeconds(60));
  }

  /**
   * Settings on two ports that are free right now, for tests and for brokers run side by side.
   *
   * @param dataDir the broker's data directory
   */
  public static BrokerSettings onFreePorts(Path dataDir) {
    try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getByName(HOST));
        ServerSocket second = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      BrokerSettings defaults = defaults();
      return new BrokerSettings(
          dataDir, first.getLocalPort(), second.getLocalPort(), "512m", defaults.startTimeout());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find free ports on " + HOST, e);
    }
  }

  /** The address clients use to reach this broker. */
  public String bootstrapServers() {
    return HOST + ":" + advertisedPort;
  }

  private static void requirePort(String name, int value) {
    if (value < 1 || value > 65535) {
      throw new IllegalArgumentException(name + " must be between 1 and 65535, not " + value);
    }
  }
}
