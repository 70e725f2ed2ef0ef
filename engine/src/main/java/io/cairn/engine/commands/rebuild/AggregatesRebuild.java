package io.cairn.engine.commands.rebuild;

import io.cairn.engine.commands.CommandProcessors;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.kafka.client.AdminRequests;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.client.KafkaOperationException;
import io.cairn.kafka.client.PartitionTails;
import io.cairn.kafka.topics.ContractTopics;
import io.cairn.kafka.topics.TopicDefaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Rebuilds the write side's stores from the event log, with the command processors stopped on every
 * instance: folds each aggregate type's events into each aggregate's snapshot, writes the snapshots
 * to the changelog Kafka Streams restores the type's store from (making it if it was lost), and
 * deletes this instance's local copy of the processors' state, so that the next start restores it
 * from the changelogs. Versions continue where the log ends. The idempotency keys and the
 * processes' state have changelogs of their own and are left as they are.
 */
public final class AggregatesRebuild {
  private final KafkaConnection kafka;
  private final Admin admin;
  private final ContractTopics topics;
  private final TopicDefaults defaults;
  private final Path stateDir;
  private final Duration timeout;

  /**
   * How far the rebuild of an aggregate type has come.
   *
   * @param type the aggregate type
   * @param done how many of its event log's offsets were read
   * @param total how many there are
   */
  public record Progress(String type, long done, long total) {}

  /**
   * An aggregate type rebuilt.
   *
   * @param type the aggregate type
   * @param events how many events were folded
   * @param aggregates how many snapshots were written
   */
  public record Rebuilt(String type, long events, int aggregates) {}

  /**
   * @param defaults the partitions and replication of a changelog made again
   * @param stateDir the processors' state directory on this instance
   */
  public AggregatesRebuild(
      KafkaConnection kafka,
      Admin admin,
      ContractTopics topics,
      TopicDefaults defaults,
      Path stateDir,
      Duration timeout) {
    this.kafka = kafka;
    this.admin = admin;
    this.topics = topics;
    this.defaults = defaults;
    this.stateDir = stateDir;
    this.timeout = timeout;
  }

  /**
   * Rebuilds every type's store.
   *
   * @throws IllegalStateException when an instance still runs the command processors, or the log
   *     holds a gap or a duplicate version
   */
  public List<Rebuilt> run(List<BoundAggregate<?, ?, ?>> aggregates, Consumer<Progress> progress) {
    refuseWhileProcessorsRun();
    List<Rebuilt> rebuilt = new ArrayList<>();
    for (BoundAggregate<?, ?, ?> aggregate : aggregates) {
      rebuilt.add(rebuild(aggregate, progress));
    }
    deleteLocalState();
    return rebuilt;
  }

  private <E, S> Rebuilt rebuild(BoundAggregate<?, E, S> aggregate, Consumer<Progress> progress) {
    String type = aggregate.name();
    EventLogFold<E, S> fold = new EventLogFold<>(aggregate);
    LogReading.readAll(
        kafka,
        topics.events(type),
        timeout,
        fold::add,
        (done, total) -> progress.accept(new Progress(type, done, total)));
    String changelog = CommandProcessors.aggregatesChangelog(type);
    new ChangelogWriter(kafka, admin, topics, timeout)
        .write(
            changelog,
            partitionsOf(topics.declared().commands(type).name()),
            defaults,
            fold.snapshots(stateEnds(type)));
    return new Rebuilt(type, fold.events(), fold.aggregates());
  }

  /** By partition, the aggregate the type's state topic ends with. */
  private Map<Integer, String> stateEnds(String type) {
    Map<Integer, String> ends = new HashMap<>();
    PartitionTails.read(kafka, List.of(topics.declared().state(type).name()), timeout)
        .forEach(
            (partition, last) ->
                ends.put(partition.partition(), new String(last.key(), StandardCharsets.UTF_8)));
    return ends;
  }

  private int partitionsOf(String topic) {
    return AdminRequests.await(
            admin.describeTopics(List.of(topic)).allTopicNames(), timeout, "describing " + topic)
        .get(topic)
        .partitions()
        .size();
  }

  private void refuseWhileProcessorsRun() {
    String group = CommandProcessors.APPLICATION_ID;
    List<String> members;
    try {
      members =
          AdminRequests.await(
                  admin.describeConsumerGroups(List.of(group)).all(),
                  timeout,
                  "describing the command processors' group")
              .get(group)
              .members()
              .stream()
              .map(MemberDescription::host)
              .toList();
    } catch (KafkaOperationException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return;
      }
      throw e;
    }
    if (!members.isEmpty()) {
      throw new IllegalStateException(
          "instances still run the command processors (from "
              + String.join(", ", members)
              + "); stop every instance of Cairn first");
    }
  }

  private void deleteLocalState() {
    Path local = stateDir.resolve(CommandProcessors.APPLICATION_ID);
    if (!Files.exists(local)) {
      return;
    }
    try (Stream<Path> files = Files.walk(local)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the processors' local state in " + local, e);
    }
  }
}
