package io.cairn.engine.views;

import io.cairn.kafka.client.AdminRequests;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How far a replay of the event log has come, from the offsets the views' consumer group commits:
 * on the event topics against their ends when the replay began, and, once those are reached, on the
 * views' repartition topics against their ends at that moment. Events appended meanwhile are folded
 * as usual, after the replay. Offsets count the log's records, transaction markers included, so
 * they measure progress; events are counted where they are folded.
 */
final class ReplayProgress implements AutoCloseable {
  private static final Duration PROBE_POLL = Duration.ofMillis(500);

  private final Admin admin;
  private final InternalTopics internal;
  private final Duration timeout;
  private final Properties clientProperties;
  private final Map<TopicPartition, Long> begin;
  private final Map<TopicPartition, Long> end;
  private final Set<TopicPartition> settled = new HashSet<>();
  private Map<TopicPartition, Long> repartitionStarts;
  private Map<TopicPartition, Long> repartitionEnds;
  private KafkaConsumer<byte[], byte[]> probe;

  /**
   * Where the replay stands after one look.
   *
   * @param done the records of the event log behind the views' committed offsets
   * @param caughtUp whether the views have folded everything the log held when the replay began
   */
  record Position(long done, boolean caughtUp) {}

  private ReplayProgress(
      Admin admin,
      InternalTopics internal,
      Properties clientProperties,
      Map<TopicPartition, Long> begin,
      Map<TopicPartition, Long> end) {
    this.admin = admin;
    this.internal = internal;
    this.timeout = internal.timeout();
    this.clientProperties = clientProperties;
    this.begin = begin;
    this.end = end;
  }

  /** Notes where each event topic's partitions begin and end now. */
  static ReplayProgress capture(
      Admin admin, InternalTopics internal, Properties clientProperties, List<String> topics) {
    Set<TopicPartition> partitions = partitionsOf(admin, topics, internal.timeout());
    return new ReplayProgress(
        admin,
        internal,
        clientProperties,
        offsets(admin, partitions, OffsetSpec.earliest(), internal.timeout()),
        offsets(admin, partitions, OffsetSpec.latest(), internal.timeout()));
  }

  /** The records of the event log to replay. */
  long total() {
    return end.keySet().stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
  }

  /**
   * Looks again.
   *
   * @param stalled whether nothing moved for a while: then a partition short of its end is read to
   *     see whether what is left holds any committed record at all (a tail of aborted records or
   *     markers is never committed past by a consumer that found nothing to process there)
   */
  Position poll(boolean stalled) {
    Map<TopicPartition, Long> committed = committed();
    long done = 0;
    boolean sourcesDone = true;
    for (TopicPartition tp : end.keySet()) {
      long at = Math.clamp(committed.getOrDefault(tp, begin.get(tp)), begin.get(tp), end.get(tp));
      boolean reached = reached(tp, at, end.get(tp), stalled);
      done += (reached ? end.get(tp) : at) - begin.get(tp);
      sourcesDone &= reached;
    }
    return new Position(done, sourcesDone && repartitionsDrained(committed, stalled));
  }

  private boolean repartitionsDrained(Map<TopicPartition, Long> committed, boolean stalled) {
    if (repartitionEnds == null) {
      // Everything the replay folds up to the event log's old end is in these topics by now (in
      // the transactions that committed those offsets); what comes after is new, and not waited
      // for.
      Set<TopicPartition> partitions = partitionsOf(admin, internal.repartitions(), timeout);
      repartitionStarts = offsets(admin, partitions, OffsetSpec.earliest(), timeout);
      repartitionEnds = offsets(admin, partitions, OffsetSpec.latest(), timeout);
    }
    boolean drained = true;
    for (TopicPartition tp : repartitionEnds.keySet()) {
      long at = committed.getOrDefault(tp, repartitionStarts.get(tp));
      drained &= reached(tp, at, repartitionEnds.get(tp), stalled);
    }
    return drained;
  }

  private boolean reached(TopicPartition tp, long at, long to, boolean stalled) {
    if (at >= to || settled.contains(tp)) {
      return true;
    }
    if (stalled && nothingCommittedBetween(tp, at, to)) {
      settled.add(tp);
      return true;
    }
    return false;
  }

  private boolean nothingCommittedBetween(TopicPartition tp, long from, long to) {
    if (probe == null) {
      Properties props = new Properties();
      props.putAll(clientProperties);
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      probe = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
    probe.assign(List.of(tp));
    probe.seek(tp, from);
    boolean empty = probe.poll(PROBE_POLL).isEmpty();
    return empty && probe.position(tp) >= to;
  }

  private Map<TopicPartition, Long> committed() {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        AdminRequests.await(
            admin
                .listConsumerGroupOffsets(internal.applicationId())
                .partitionsToOffsetAndMetadata(),
            timeout,
            "reading the views' committed offsets");
    Map<TopicPartition, Long> committed = new HashMap<>();
    offsets.forEach(
        (tp, offset) -> {
          if (offset != null) {
            committed.put(tp, offset.offset());
          }
        });
    return committed;
  }

  private static Set<TopicPartition> partitionsOf(
      Admin admin, Collection<String> topics, Duration timeout) {
    Map<String, TopicDescription> described =
        AdminRequests.await(
            admin.describeTopics(topics).allTopicNames(), timeout, "describing the topics");
    return described.values().stream()
        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
        .collect(Collectors.toSet());
  }

  private static Map<TopicPartition, Long> offsets(
      Admin admin, Set<TopicPartition> partitions, OffsetSpec spec, Duration timeout) {
    Map<TopicPartition, ListOffsetsResultInfo> listed =
        AdminRequests.await(
            admin
                .listOffsets(
                    partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec)),
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all(),
            timeout,
            "listing the topics' offsets");
    Map<TopicPartition, Long> offsets = new HashMap<>();
    listed.forEach((tp, info) -> offsets.put(tp, info.offset()));
    return offsets;
  }

  @Override
  public void close() {
    if (probe != null) {
      probe.close();
    }
  }
}
