package io.cairn.kafka.embedded;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The KRaft cluster a node of the embedded broker belongs to: its own id, every node's controller
 * port (each node is broker and controller both), and the id the cluster's storage is formatted
 * with, which all its nodes share.
 *
 * @param nodeId this node's id
 * @param controllerPorts every node's controller port on 127.0.0.1, by node id
 * @param clusterId the cluster's id; empty for a node alone, whose id is made when it is formatted
 */
public record Quorum(
    int nodeId, SortedMap<Integer, Integer> controllerPorts, Optional<String> clusterId) {
  /** The copies of each internal topic a cluster of three or more nodes keeps. */
  private static final int FULL_REPLICATION = 3;

  /** Checks that the node is one of the quorum's. */
  public Quorum {
    controllerPorts = new TreeMap<>(controllerPorts);
    if (!controllerPorts.containsKey(nodeId)) {
      throw new IllegalArgumentException("node " + nodeId + " is not among " + controllerPorts);
    }
  }

  /** A node that is a cluster by itself, as the embedded broker runs by default. */
  static Quorum alone(BrokerSettings settings) {
    return new Quorum(1, new TreeMap<>(Map.of(1, settings.controllerPort())), Optional.empty());
  }

  /** How many nodes the cluster has. */
  int size() {
    return controllerPorts.size();
  }

  /** The static quorum, as controller.quorum.voters names it. */
  String voters() {
    return controllerPorts.entrySet().stream()
        .map(node -> node.getKey() + "@" + BrokerSettings.HOST + ":" + node.getValue())
        .collect(Collectors.joining(","));
  }

  /** The copies the cluster keeps of its internal topics: as many as it can, up to three. */
  int replication() {
    return Math.min(FULL_REPLICATION, size());
  }

  /** The copies a write to an internal topic waits for: two once there are three. */
  int minInSync() {
    return size() >= FULL_REPLICATION ? 2 : 1;
  }
}
