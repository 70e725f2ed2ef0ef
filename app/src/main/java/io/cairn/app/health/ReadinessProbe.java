package io.cairn.app.health;

import io.cairn.engine.streams.StreamsInstance;
import io.cairn.engine.sync.SyncAlert;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Decides whether this process can serve: Kafka must answer, every Kafka Streams instance of the
 * process must be RUNNING (one that is rebalancing or restoring cannot answer queries yet), and
 * every background worker must run; and whether it is live at all: not when a Streams instance has
 * failed for good (ERROR) or a worker has stopped, which no waiting mends.
 */
public final class ReadinessProbe {
  private final Admin admin;
  private final Duration kafkaTimeout;
  private final Supplier<List<StreamsInstance>> streams;
  private final Supplier<List<SyncAlert>> sync;
  private final List<Worker> workers;
  private final Map<String, Supplier<Optional<String>>> held;
  private final Map<String, String> hosted;

  /**
   * @param admin the admin client that asks the cluster whether it answers
   * @param kafkaTimeout how long Kafka has to answer before it counts as unreachable
   * @param streams the process's Streams instances, as they are at the moment of each check
   * @param sync the views and process managers out of sync, reported beside the checks
   * @param workers the background threads the process needs
   * @param held by name, the parts held back until an operator acts, and why: not ready, but live,
   *     since a restart would not mend them
   * @param hosted by name, the parts that run inside a Streams instance (process managers,
   *     inboxes), and the instance's name: each is shown with its host's state
   */
  public ReadinessProbe(
      Admin admin,
      Duration kafkaTimeout,
      Supplier<List<StreamsInstance>> streams,
      Supplier<List<SyncAlert>> sync,
      List<Worker> workers,
      Map<String, Supplier<Optional<String>>> held,
      Map<String, String> hosted) {
    this.admin = admin;
    this.kafkaTimeout = kafkaTimeout;
    this.streams = streams;
    this.sync = sync;
    this.workers = List.copyOf(workers);
    this.held = Map.copyOf(held);
    this.hosted = Map.copyOf(hosted);
  }

  /**
   * What makes the process dead, by name: a Streams instance failed for good, a worker stopped;
   * empty while it lives. A rebuild's or a rebalance's passing states do not count.
   */
  public Map<String, String> deadParts() {
    Map<String, String> dead = new TreeMap<>();
    for (StreamsInstance instance : streams.get()) {
      KafkaStreams.State state = instance.streams().state();
      if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR) {
        dead.put(instance.name(), "is " + state);
      }
    }
    for (Worker worker : workers) {
      if (!worker.running().getAsBoolean()) {
        dead.put(worker.name(), "has stopped");
      }
    }
    return dead;
  }

  /** Runs the checks without blocking the caller. */
  public CompletableFuture<Readiness> check() {
    DescribeClusterOptions options =
        new DescribeClusterOptions().timeoutMs((int) kafkaTimeout.toMillis());
    return admin
        .describeCluster(options)
        .nodes()
        .toCompletionStage()
        .toCompletableFuture()
        .handle(
            (nodes, failure) ->
                failure == null
                    ? "reachable (" + nodes.size() + " broker" + (nodes.size() == 1 ? ")" : "s)")
                    : "unreachable: " + rootMessage(failure))
        .thenApply(this::withStreams);
  }

  private Readiness withStreams(String kafka) {
    Map<String, String> checks = new HashMap<>();
    Map<String, String> failures = new HashMap<>();
    checks.put("kafka", kafka);
    if (!kafka.startsWith("reachable")) {
      failures.put("kafka", kafka);
    }
    Map<String, String> hostStates = new HashMap<>();
    for (StreamsInstance instance : streams.get()) {
      KafkaStreams.State state = instance.streams().state();
      checks.put(instance.name(), state.name());
      hostStates.put(instance.name(), state.name());
      if (state != KafkaStreams.State.RUNNING) {
        failures.put(instance.name(), "is " + state + ", not RUNNING");
      }
    }
    // Their host's failure is reported once, under the host's name.
    hosted.forEach(
        (part, host) ->
            checks.put(part, hostStates.getOrDefault(host, "NOT_RUNNING") + " in " + host));
    for (Worker worker : workers) {
      boolean running = worker.running().getAsBoolean();
      checks.put(worker.name(), running ? "running" : "stopped");
      if (!running) {
        failures.put(worker.name(), "has stopped");
      }
    }
    held.forEach(
        (name, why) ->
            why.get()
                .ifPresent(
                    reason -> {
                      checks.put(name, "held: " + reason);
                      failures.put(name, "is held: " + reason);
                    }));
    Map<String, String> outOfSync = new HashMap<>();
    sync.get().forEach(alert -> outOfSync.put(alert.key(), alert.describe()));
    return new Readiness(failures.isEmpty(), checks, failures, outOfSync);
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
