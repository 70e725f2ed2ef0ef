package io.cairn.bench;

import java.time.Duration;

/**
 * The faults a soak injects, in turn: a broker node crashing, the app crashing, and the app losing
 * its local state. Each is injected through the operating system, as the fault would come, and
 * returns once what it took down is back: the node answering again, the app ready again.
 */
enum SoakFault {
  NODE_KILLED("one of three broker nodes SIGKILLed; the app starts it again"),
  APP_KILLED("the app SIGKILLed (its broker nodes stop with it), then started again"),
  STATE_LOST("the app stopped, its Kafka Streams state deleted, then started again");

  private final String description;

  SoakFault(String description) {
    this.description = description;
  }

  /** The fault of the n-th injection (from 0): a node, the app, a node, the lost state, ... */
  static SoakFault nth(int n) {
    return switch (n % 4) {
      case 1 -> APP_KILLED;
      case 3 -> STATE_LOST;
      default -> NODE_KILLED;
    };
  }

  /** Injects the fault and returns once the cluster is whole again. */
  Duration inject(SoakCluster cluster, int n) throws Exception {
    long began = System.nanoTime();
    switch (this) {
      case NODE_KILLED -> cluster.killNode(1 + (n / 2) % SoakCluster.NODES);
      case APP_KILLED -> {
        cluster.killApp();
        cluster.startApp();
      }
      case STATE_LOST -> {
        cluster.stopApp();
        cluster.deleteState();
        cluster.startApp();
      }
    }
    return Duration.ofNanos(System.nanoTime() - began);
  }

  String describe(int n) {
    return this == NODE_KILLED
        ? description.replace(
            "one of three", "node " + (1 + (n / 2) % SoakCluster.NODES) + " of three")
        : description;
  }
}
