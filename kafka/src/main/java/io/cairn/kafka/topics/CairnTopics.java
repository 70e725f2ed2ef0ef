package io.cairn.kafka.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every topic Cairn uses, declared in this one place: names, partitions, replication and configs.
 *
 * <p>Each aggregate type has three topics: its commands (kept seven days), its events (the event
 * log: kept forever and never compacted, since compaction would erase an aggregate's history), and
 * its state (compacted: the latest state of each aggregate, for consumers who want a table). The
 * command replies topic is shared by all types.
 */
public final class CairnTopics {
  private static final Duration COMMAND_RETENTION = Duration.ofDays(7);
  private static final Duration REPLY_RETENTION = Duration.ofDays(1);
  private static final Duration INTEGRATION_RETENTION = Duration.ofDays(30);

  private final TopicDefaults defaults;

  /** Declarations with the configured partition count and replication factor. */
  public CairnTopics(TopicDefaults defaults) {
    this.defaults = defaults;
  }

  /** The commands of one aggregate type, keyed by aggregate id. */
  public TopicSpec commands(String aggregateType) {
    return spec(
        "cairn." + aggregateType + ".commands",
        Map.of("cleanup.policy", "delete", "retention.ms", millis(COMMAND_RETENTION)));
  }

  /** The event log of one aggregate type: the source of truth, never compacted, never expired. */
  public TopicSpec events(String aggregateType) {
    return spec(
        "cairn." + aggregateType + ".events",
        Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1"));
  }

  /** The latest state of each aggregate of one type, as a compacted table. */
  public TopicSpec state(String aggregateType) {
    return spec("cairn." + aggregateType + ".state", Map.of("cleanup.policy", "compact"));
  }

  /** The outcome of every command, read by the gateway instance waiting for it. */
  public TopicSpec commandReplies() {
    return spec(
        "cairn.command-replies",
        Map.of("cleanup.policy", "delete", "retention.ms", millis(REPLY_RETENTION)));
  }

  /**
   * The inbox of another service: CloudEvents it sends, which Cairn maps to commands. Kept as long
   * as commands.
   */
  public TopicSpec inbox(String source) {
    return spec(
        "cairn.inbox." + source,
        Map.of("cleanup.policy", "delete", "retention.ms", millis(COMMAND_RETENTION)));
  }

  /**
   * A publication's integration events, for other services to depend on: CloudEvents in structured
   * JSON. Kept thirty days, long enough for a consumer to be down a while; the event logs they are
   * made from are kept forever.
   */
  public TopicSpec integration(String publication) {
    return spec(
        "cairn.integration." + publication,
        Map.of("cleanup.policy", "delete", "retention.ms", millis(INTEGRATION_RETENTION)));
  }

  /**
   * A report's windows, each once it has closed, for data teams: keyed by the window, compacted so
   * that a window published again (after a rebuild, or corrected by an event that came late) keeps
   * its latest value, and kept as long as the reports keep their windows.
   */
  public TopicSpec report(String report, Duration retention) {
    return spec(
        "cairn.reports." + report,
        Map.of("cleanup.policy", "compact,delete", "retention.ms", millis(retention)));
  }

  /**
   * The dead-letter queue: every record an application could not read or process, with headers
   * saying where it came from and why. Kept until deleted, since nothing in it may be lost before
   * someone has looked at it.
   */
  public TopicSpec deadLetters() {
    return spec(
        "cairn.dlq",
        Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1"));
  }

  /**
   * The messages and outcomes on their way to the processes they are for, keyed by process id:
   * internal to the command processors, which write and read it in their transactions. Kept as long
   * as commands, so a process manager stopped for days still hears what it missed.
   */
  public TopicSpec processInputs() {
    return spec(
        "cairn-commands-process-inputs",
        Map.of("cleanup.policy", "delete", "retention.ms", millis(COMMAND_RETENTION)));
  }

  /**
   * The calls an effect is asked to make outside Kafka, keyed by aggregate id: written in the
   * transactions that append the events asking for them, read by the effect's runner. Kept as long
   * as commands, so a runner stopped for days still makes the calls it missed.
   */
  public TopicSpec effectRequests(String effect) {
    return spec(
        "cairn-effects-" + effect,
        Map.of("cleanup.policy", "delete", "retention.ms", millis(COMMAND_RETENTION)));
  }

  /**
   * The embedded schema registry's log: one partition, so every instance folds its entries in one
   * order, and compacted, as Confluent's is (its entries have unique keys, so nothing is lost).
   */
  public TopicSpec schemaLog(String name) {
    return new TopicSpec(
        name,
        1,
        defaults.replicationFactor(),
        Map.of(
            "cleanup.policy",
            "compact",
            "min.insync.replicas",
            Integer.toString(defaults.minInSyncReplicas())));
  }

  /**
   * The data subjects' keys, which seal their personal data: one partition, so every instance reads
   * them in one order, and compacted, so an erased subject's keys, deleted by tombstones, are gone
   * from the log too. Readable by the app alone.
   */
  public TopicSpec personalKeys() {
    return new TopicSpec(
        "cairn.personal-keys",
        1,
        defaults.replicationFactor(),
        Map.of(
            "cleanup.policy",
            "compact",
            "min.insync.replicas",
            Integer.toString(defaults.minInSyncReplicas()),
            // Tombstones and the keys they delete go as soon as compaction runs: erasure must
            // not wait on the default day.
            "delete.retention.ms",
            "0",
            "min.compaction.lag.ms",
            "0",
            "segment.ms",
            "3600000"));
  }

  /** Every topic of the given aggregate types, plus the shared and the reactions' ones. */
  public List<TopicSpec> all(Collection<String> aggregateTypes) {
    List<TopicSpec> topics = new ArrayList<>();
    for (String type : aggregateTypes) {
      topics.add(commands(type));
      topics.add(events(type));
      topics.add(state(type));
    }
    topics.add(commandReplies());
    topics.add(processInputs());
    topics.add(deadLetters());
    return List.copyOf(topics);
  }

  private TopicSpec spec(String name, Map<String, String> configs) {
    Map<String, String> all = new HashMap<>(configs);
    all.put("min.insync.replicas", Integer.toString(defaults.minInSyncReplicas()));
    return new TopicSpec(name, defaults.partitions(), defaults.replicationFactor(), all);
  }

  private static String millis(Duration duration) {
    return Long.toString(duration.toMillis());
  }
}
