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
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;

/**
 * A cluster of several embedded KRaft nodes on 127.0.0.1, each broker and controller in a child JVM
 * of its own, with its data under {@code <dataDir>/node-<id>}: internal topics keep three copies
 * and need two in sync, so the cluster keeps serving and loses nothing acknowledged when one node
 * goes. A node can be killed and started again on its data, as a fault would take it; once {@link
 * #restartingNodesThatDie} is called, a node whose process dies is started again by the cluster
 * itself, as a service manager would.
 */
public final class EmbeddedCluster implements AutoCloseable {
  private static final Duration DEATH = Duration.ofSeconds(30);

  private final List<BrokerSettings> nodes;
  private final SortedMap<Integer, Integer> controllerPorts;
  private final String clusterId;
  private final AtomicReferenceArray<EmbeddedBroker> running;
  private volatile boolean closing;
  private volatile NodeRestarts restarts;

  private EmbeddedCluster(List<BrokerSettings> nodes, String clusterId) {
    this.nodes = List.copyOf(nodes);
    this.clusterId = clusterId;
    this.running = new AtomicReferenceArray<>(nodes.size());
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
        cluster.running.set(id - 1, EmbeddedBroker.launch(nodes.get(id - 1), cluster.quorum(id)));
      }
      cluster.nodes().forEach(node -> node.awaitReadyOrStop(deadline));
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

  /**
   * From now on, a node whose process exits while the cluster is not closing is started again on
   * its data, a few times at most (see {@link NodeRestarts}); returns this cluster.
   */
  public EmbeddedCluster restartingNodesThatDie() {
    restarts = new NodeRestarts(this::restart);
    for (int id = 1; id <= nodes.size(); id++) {
      watch(id, running.get(id - 1));
    }
    return this;
  }

  private void watch(int nodeId, EmbeddedBroker node) {
    NodeRestarts supervisor = restarts;
    if (supervisor != null) {
      node.exited()
          .thenRun(
              () -> {
                if (!closing && running.get(nodeId - 1) == node) {
                  supervisor.exited(nodeId, node.pid());
                }
              });
    }
  }

  /** The process id of a node's broker now running. */
  public long pid(int nodeId) {
    return running.get(nodeId - 1).pid();
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
    if (closing) {
      node.close(); // close() may have read the nodes before this one was set
      return;
    }
    node.awaitReadyOrStop(Instant.now().plus(settings.startTimeout()));
    watch(nodeId, node);
  }

  private List<EmbeddedBroker> nodes() {
    return IntStream.range(0, running.length()).mapToObj(running::get).toList();
  }

  /**
   * Stops every node at once: a node stopped after the others would find no quorum to hand its
   * partitions to, and wait for one until it is killed.
   */
  @Override
  public void close() {
    closing = true;
    List<Thread> stopping =
        nodes().stream()
            .filter(node -> node != null)
            .map(node -> Thread.ofVirtual().start(node::close))
            .toList();
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
