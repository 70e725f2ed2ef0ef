package io.cairn.engine.views;

import io.cairn.kafka.client.AdminRequests;
import io.cairn.kafka.client.KafkaOperationException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;

/**
 * Resets the views application on the cluster, as Kafka's application reset tool does: deletes its
 * consumer group, so it reads the event log again from the beginning, and its changelog and
 * repartition topics, so its stores start empty. No instance may run the views meanwhile.
 */
final class ViewsReset {
  private static final long PAUSE_MS = 200;

  private final Admin admin;
  private final String applicationId;
  private final Duration timeout;
  private final InternalTopics topics;

  ViewsReset(Admin admin, String applicationId, Duration timeout) {
    this.admin = admin;
    this.applicationId = applicationId;
    this.timeout = timeout;
    this.topics = new InternalTopics(admin, applicationId, timeout);
  }

  /** The members of the views' group that are not among the given client ids, as client@host. */
  List<String> otherMembers(Set<String> ownClientIds) {
    try {
      return AdminRequests.await(
              admin.describeConsumerGroups(List.of(applicationId)).all(),
              timeout,
              "describing the views' consumer group")
          .get(applicationId)
          .members()
          .stream()
          .filter(member -> !ownClientIds.contains(member.clientId()))
          .map(ViewsReset::named)
          .sorted()
          .toList();
    } catch (KafkaOperationException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return List.of();
      }
      throw e;
    }
  }

  /** Deletes the group and the internal topics, and returns once the topics are gone. */
  void reset() {
    long deadline = System.nanoTime() + timeout.toNanos();
    deleteGroup(deadline);
    Set<String> internal = topics.all();
    if (internal.isEmpty()) {
      return;
    }
    AdminRequests.await(
        admin.deleteTopics(internal).all(), timeout, "deleting the views' internal topics");
    // Deletion completes on the brokers after the answer; a topic made again under the same name
    // before then would be refused.
    while (topics.all().stream().anyMatch(internal::contains)) {
      pauseUntil(deadline, "the views' internal topics to be deleted");
    }
  }

  private void deleteGroup(long deadline) {
    while (true) {
      try {
        AdminRequests.await(
            admin.deleteConsumerGroups(List.of(applicationId)).all(),
            timeout,
            "deleting the views' consumer group");
        return;
      } catch (KafkaOperationException e) {
        if (e.getCause() instanceof GroupIdNotFoundException) {
          return;
        }
        // Members that just left may still be counted for a moment.
        if (!(e.getCause() instanceof GroupNotEmptyException)) {
          throw e;
        }
        pauseUntil(deadline, "the views' consumer group to empty");
      }
    }
  }

  private static void pauseUntil(long deadline, String what) {
    if (System.nanoTime() > deadline) {
      throw new KafkaOperationException("timed out waiting for " + what, null);
    }
    try {
      Thread.sleep(PAUSE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaOperationException("interrupted waiting for " + what, e);
    }
  }

  private static String named(MemberDescription member) {
    return member.clientId() + "@" + member.host().replaceFirst("^/", "");
  }
}
