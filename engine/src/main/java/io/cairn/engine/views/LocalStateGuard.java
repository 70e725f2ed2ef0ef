package io.cairn.engine.views;

import io.cairn.kafka.client.AdminRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Tells whether this instance's local copy of the views was built against changelogs that no longer
 * exist. A rebuild deletes the views' changelog topics and makes new ones; an instance that was
 * stopped meanwhile still holds the old state and checkpoints, and Kafka Streams would restore the
 * new changelogs on top of them from the old offsets. So each instance notes the ids of the
 * changelog topics its state came from, and a start that finds other ids starts from empty stores.
 */
final class LocalStateGuard {
  private final Admin admin;
  private final String applicationId;
  private final Path file;
  private final Duration timeout;

  LocalStateGuard(Admin admin, String applicationId, Path stateDir, Duration timeout) {
    this.admin = admin;
    this.applicationId = applicationId;
    this.file = stateDir.resolve(applicationId + ".changelogs");
    this.timeout = timeout;
  }

  /** Whether the noted changelogs were deleted or replaced since the state was last noted. */
  boolean stale() {
    if (!Files.exists(file)) {
      return false; // nothing noted: a first start, or state from before this guard
    }
    Properties noted = new Properties();
    try (var in = Files.newBufferedReader(file)) {
      noted.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Map<String, String> current = changelogIds();
    return noted.stringPropertyNames().stream()
        .anyMatch(topic -> !noted.getProperty(topic).equals(current.get(topic)));
  }

  /** Notes the ids of the views' changelogs as they are now, once the views run on them. */
  void note() {
    Properties ids = new Properties();
    ids.putAll(changelogIds());
    try {
      Files.createDirectories(file.getParent());
      Path written = Files.createTempFile(file.getParent(), applicationId, ".tmp");
      try (var out = Files.newBufferedWriter(written)) {
        ids.store(out, "the changelog topics this instance's views state was built from");
      }
      Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Forgets the noted ids, as a reset does: the next state is built from nothing. */
  void forget() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  private Map<String, String> changelogIds() {
    Set<String> changelogs = new InternalTopics(admin, applicationId, timeout).changelogs();
    Map<String, TopicDescription> described =
        AdminRequests.await(
            admin.describeTopics(changelogs).allTopicNames(),
            timeout,
            "describing the views' changelog topics");
    Map<String, String> ids = new TreeMap<>();
    described.forEach((name, description) -> ids.put(name, description.topicId().toString()));
    return ids;
  }
}
