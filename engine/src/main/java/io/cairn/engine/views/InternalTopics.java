package io.cairn.engine.views;

import io.cairn.kafka.client.AdminRequests;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;

/**
 * The topics Kafka Streams makes for an application, which it names {@code
 * <application.id>-<name>-changelog} and {@code <application.id>-<name>-repartition}.
 */
record InternalTopics(Admin admin, String applicationId, Duration timeout) {

  /** The application's changelog topics that exist now. */
  Set<String> changelogs() {
    return named(name -> name.endsWith("-changelog"));
  }

  /** The application's repartition topics that exist now. */
  Set<String> repartitions() {
    return named(name -> name.endsWith("-repartition"));
  }

  /** Both kinds. */
  Set<String> all() {
    return named(name -> name.endsWith("-changelog") || name.endsWith("-repartition"));
  }

  private Set<String> named(Predicate<String> kind) {
    return AdminRequests.await(admin.listTopics().names(), timeout, "listing the topics").stream()
        .filter(name -> name.startsWith(applicationId + "-"))
        .filter(kind)
        .collect(Collectors.toSet());
  }
}
