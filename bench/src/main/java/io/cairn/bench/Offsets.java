package io.cairn.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** The committed ends of some topics' partitions, noted once, and who has read up to them. */
record Offsets(Map<TopicPartition, Long> ends) {

  /** The topics' ends now, as a read_committed consumer sees them. */
  static Offsets of(Admin admin, List<String> topics) throws Exception {
    Map<TopicPartition, OffsetSpec> latest =
        admin.describeTopics(topics).allTopicNames().get().values().stream()
            .flatMap(
                d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
            .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
        .all()
        .get()
        .forEach((tp, info) -> ends.put(tp, info.offset()));
    return new Offsets(ends);
  }

  /** How many records the ends are past the beginnings, all partitions together. */
  long total() {
    return ends.values().stream().mapToLong(Long::longValue).sum();
  }

  /** How many records of these partitions the group has committed, all together. */
  long committedBy(Admin admin, String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
    return ends.keySet().stream()
        .map(committed::get)
        .filter(Objects::nonNull)
        .mapToLong(OffsetAndMetadata::offset)
        .sum();
  }

  /** Whether the group has committed up to every end. */
  boolean reachedBy(Admin admin, String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
    return ends.entrySet().stream()
        .allMatch(
            end -> {
              OffsetAndMetadata at = committed.get(end.getKey());
              return end.getValue() == 0 || (at != null && at.offset() >= end.getValue());
            });
  }

  /** The group's committed offsets; none yet while a starting application has not joined. */
  private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group)
      throws Exception {
    try {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return Map.of();
      }
      throw e;
    }
  }
}
