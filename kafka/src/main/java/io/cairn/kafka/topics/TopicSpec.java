package io.cairn.kafka.topics;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A topic as Cairn declares it: everything needed to create it, and to check that a topic found on
 * the cluster is the one Cairn expects.
 *
 * @param name the topic's name
 * @param partitions its partition count; records are keyed by aggregate id, so changing it later
 *     moves keys between partitions, which is why a mismatch stops start-up
 * @param replicationFactor its replication factor
 * @param configs topic-level configs such as cleanup.policy and retention.ms
 */
public record TopicSpec(
    String name, int partitions, short replicationFactor, Map<String, String> configs) {

  /** The config whose mismatch Cairn refuses: compaction would erase an event log's history. */
  public static final String CLEANUP_POLICY = "cleanup.policy";

  private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  /** Validates the declaration, so a bad one fails at start-up rather than at the broker. */
  public TopicSpec {
    Objects.requireNonNull(name, "name");
    if (!LEGAL_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("'" + name + "' is not a legal Kafka topic name");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException(name + ": partitions must be at least 1");
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(name + ": replication factor must be at least 1");
    }
    configs = Map.copyOf(configs);
  }

  /** The cleanup policy the topic is declared with ({@code delete} unless declared otherwise). */
  public String cleanupPolicy() {
    return configs.getOrDefault(CLEANUP_POLICY, "delete");
  }
}
