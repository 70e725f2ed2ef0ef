package io.cairn.kafka.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * A cluster of several embedded KRaft nodes on 127.0.0.1, each broker and controller in a child JVM
 * of its own, with its data under {@code <dataDir>/node-<id>}: internal topics keep three copies
 * and need two in sync, so the cluster keeps serving and loses nothing acknowledged when one node
 * goes. A node can be killed and started again on its data, as a fault would take it.
 */
public final class EmbeddedCluster implements AutoCloseable {
  private static final Duration DEATH = Duration.ofSeconds(30);

  private final List<BrokerSettings> nodes;
  private final SortedMap<Integer, Integer> controllerPorts;
  private final String clusterId;
  private final List<EmbeddedBroker> running = new ArrayList<>();

  private EmbeddedCluster(List<BrokerSettings> nodes, String clusterId) {
    this.nodes = List.copyOf(nodes);
    this.clusterId = clusterId;
    this.controllerPorts = new TreeMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      controllerPorts.put(i + 1, nodes.get(i).controllerPort());
    }
  }

  /**
   * Starts a cluster of the given nodes' settings (node ids 1, 2, ... in their order) and returns
   * once every node answers; on failure, stops what was started.
   */
  public static EmbeddedCluster start(List<BrokerSettings> nodes) {
    if (nodes.size() < 2) {
      throw new IllegalArgumentException("a cluster has two nodes or more; one is EmbeddedBroker");
    }
    if (nodes.stream().anyMatch(BrokerSettings::secure)) {
      throw new IllegalArgumentException("the secure mode runs on one node only");
    }
    EmbeddedCluster cluster = new EmbeddedCluster(nodes, Uuid.randomUuid().toString());
    Instant deadline = Instant.now().plus(nodes.getFirst().startTimeout());
    try {
      for (int id = 1; id <= nodes.size(); id++) {
        cluster.running.add(EmbeddedBroker.launch(nodes.get(id - 1), cluster.quorum(id)));
      }
      cluster.running.forEach(node -> node.awaitReadyOrStop(deadline));
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** Settings of nodes on free ports, under {@code <dataDir>/node-<id>}. */
  public static List<BrokerSettings> onFreePorts(Path dataDir, int count, String maxHeap) {
    List<BrokerSettings> nodes = new ArrayList<>();
    for (int id = 1; id <= count; id++) {
      BrokerSettings free = BrokerSettings.onFreePorts(dataDir.resolve("node-" + id));
      nodes.add(
          new BrokerSettings(
              free.dataDir(), free.port(), free.controllerPort(), maxHeap, free.startTimeout()));
    }
    return nodes;
  }

  private Quorum quorum(int nodeId) {
    return new Quorum(nodeId, controllerPorts, Optional.of(clusterId));
  }

  /** How many nodes it has. */
  public int size() {
    return nodes.size();
  }

  /** Every node's address, for clients to bootstrap from. */
  public String bootstrapServers() {
    return nodes.stream().map(BrokerSettings::bootstrapServers).collect(Collectors.joining(","));
  }

  /** Kills a node's process with SIGKILL, as a crash would, and waits until it is gone. */
  public void kill(int nodeId) throws InterruptedException {
    ProcessHandle process = ProcessHandle.of(running.get(nodeId - 1).pid()).orElseThrow();
    process.destroyForcibly();
    try {
      process.onExit().get(DEATH.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("node " + nodeId + " did not die", e);
    }
  }

  /** Starts a node again on its data, and returns once it answers. */
  public void restart(int nodeId) {
    BrokerSettings settings = nodes.get(nodeId - 1);
    EmbeddedBroker node = EmbeddedBroker.launch(settings, quorum(nodeId));
    running.set(nodeId - 1, node);
    node.awaitReadyOrStop(Instant.now().plus(settings.startTimeout()));
  }

  /**
   * Stops every node at once: a node stopped after the others would find no quorum to hand its
   * partitions to, and wait for one until it is killed.
   */
  @Override
  public void close() {
    List<Thread> stopping =
        running.stream().map(node -> Thread.ofVirtual().start(node::close)).toList();
    for (Thread node : stopping) {
      try {
        node.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
