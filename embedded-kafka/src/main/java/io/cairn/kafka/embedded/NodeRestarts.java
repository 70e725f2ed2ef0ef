package io.cairn.kafka.embedded;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts an embedded cluster's node again when its process dies, as a service manager would: after
 * a second, and again every few seconds while the start fails, but at most {@link #MOST} times in
 * {@link #WINDOW} per node. A node that keeps dying is left down and said so at ERROR: its log, not
 * another restart, says why, and the cluster serves on without it.
 */
final class NodeRestarts {
  static final int MOST = 5;
  static final Duration WINDOW = Duration.ofMinutes(10);
  private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  private static final Duration RETRY_DELAY = Duration.ofSeconds(5);
  private static final Logger log = LoggerFactory.getLogger(NodeRestarts.class);

  private final IntConsumer restart;
  private final Map<Integer, Deque<Long>> recent = new HashMap<>();

  /**
   * @param restart starts a node again on its data and returns once it answers; throws when it
   *     cannot
   */
  NodeRestarts(IntConsumer restart) {
    this.restart = restart;
  }

  /** A node's process exited while the cluster was not closing. */
  void exited(int nodeId, long pid) {
    log.warn("Kafka node {} (pid {}) exited; starting it again on its data", nodeId, pid);
    Thread.ofVirtual().name("cairn-node-" + nodeId + "-restart").start(() -> startAgain(nodeId));
  }

  private void startAgain(int nodeId) {
    Duration delay = FIRST_DELAY;
    while (allowed(nodeId)) {
      LockSupport.parkNanos(delay.toNanos());
      try {
        restart.accept(nodeId);
        log.info("Kafka node {} is serving again", nodeId);
        return;
      } catch (RuntimeException e) {
        log.warn("Kafka node {} did not start again: {}", nodeId, e.getMessage());
        delay = RETRY_DELAY;
      }
    }
    log.error(
        "Kafka node {} died or failed to start {} times within {} minutes; it stays down. The"
            + " cluster serves on while the other nodes hold a majority; see the node's log under"
            + " broker.data.dir/node-{}, then restart Cairn.",
        nodeId,
        MOST,
        WINDOW.toMinutes(),
        nodeId);
  }

  /** Counts a start of the node and says whether it is within the budget. */
  private synchronized boolean allowed(int nodeId) {
    long now = System.nanoTime();
    Deque<Long> starts = recent.computeIfAbsent(nodeId, id -> new ArrayDeque<>());
    while (!starts.isEmpty() && now - starts.peekFirst() > WINDOW.toNanos()) {
      starts.pollFirst();
    }
    if (starts.size() >= MOST) {
      return false;
    }
    starts.addLast(now);
    return true;
  }
}
