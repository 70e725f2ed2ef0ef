package io.cairn.engine.effects;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets of calls still under way, per partition, so that what is committed never passes one
 * of them: calls finish in any order, and a call not finished when the runner stops is made again
 * after it restarts.
 */
final class PendingOffsets {
  private final Map<TopicPartition, TreeSet<Long>> running = new HashMap<>();
  private final Map<TopicPartition, Long> next = new HashMap<>();

  synchronized void started(TopicPartition partition, long offset) {
    running.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset);
    next.merge(partition, offset + 1, Math::max);
  }

  synchronized void done(TopicPartition partition, long offset) {
    TreeSet<Long> offsets = running.get(partition);
    if (offsets != null) {
      offsets.remove(offset);
    }
  }

  /** The offsets that may be committed: each partition's oldest call under way, or its next. */
  synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    next.forEach(
        (partition, after) -> {
          TreeSet<Long> under = running.get(partition);
          long safe = under == null || under.isEmpty() ? after : under.first();
          offsets.put(partition, new OffsetAndMetadata(safe));
        });
    return offsets;
  }

  /** Forgets partitions taken away: their calls under way are made again by their new owner. */
  synchronized void forget(Iterable<TopicPartition> partitions) {
    for (TopicPartition partition : partitions) {
      running.remove(partition);
      next.remove(partition);
    }
  }
}
