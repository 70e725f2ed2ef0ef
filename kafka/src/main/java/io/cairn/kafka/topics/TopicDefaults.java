package io.cairn.kafka.topics;

/**
 * The partition count and replication factor that Cairn's topics are declared with, as configured.
 *
 * @param partitions how many partitions each aggregate's topics get: the ceiling on how many app
 *     instances can share the work
 * @param replicationFactor how many copies of each partition the cluster keeps
 */
public record TopicDefaults(int partitions, short replicationFactor) {

  /** Validates the numbers. */
  public TopicDefaults {
    if (partitions < 1 || partitions > 10_000) {
      throw new IllegalArgumentException(
          "partitions must be between 1 and 10000, not " + partitions);
    }
    if (replicationFactor < 1 || replicationFactor > 16) {
      throw new IllegalArgumentException(
          "replication factor must be between 1 and 16, not " + replicationFactor);
    }
  }

  /**
   * The min.insync.replicas that goes with the replication factor: with three or more copies, an
   * acknowledged write survives the loss of any one broker.
   */
  public int minInSyncReplicas() {
    return replicationFactor >= 3 ? 2 : 1;
  }
}
