package io.cairn.kafka.topics;

import io.cairn.kafka.client.AdminRequests;
import io.cairn.kafka.client.KafkaOperationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the cluster hold Cairn's declared topics: creates the missing ones and checks the existing
 * ones against their declarations. A partition count or cleanup policy that differs stops start-up
 * with a {@link TopicMismatchException}, and so does a finite retention on a topic declared to keep
 * its records forever (the event log, the dead-letter queue) unless archiving setups are allowed
 * it; other differing configs are logged, since operators may tune them on purpose.
 */
public final class TopicProvisioner {
  private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
  private static final Duration RETRY_BACKOFF = Duration.ofMillis(100);

  private static final String KEPT_FOREVER = "-1";
  private static final List<String> RETENTION = List.of("retention.ms", "retention.bytes");

  private final Admin admin;
  private final Duration timeout;
  private final boolean allowFiniteRetention;

  /**
   * A provisioner that refuses a finite retention on a topic declared to keep its records forever.
   *
   * @param admin the admin client of the cluster to provision
   * @param timeout how long each round of admin requests may take
   */
  public TopicProvisioner(Admin admin, Duration timeout) {
    this(admin, timeout, false);
  }

  /**
   * @param allowFiniteRetention whether a topic declared to keep its records forever may expire
   *     them, as where the log is archived elsewhere; it is then logged rather than refused
   */
  public TopicProvisioner(Admin admin, Duration timeout, boolean allowFiniteRetention) {
    this.admin = admin;
    this.timeout = timeout;
    this.allowFiniteRetention = allowFiniteRetention;
  }

  /**
   * Creates the declared topics that are missing and checks the rest.
   *
   * @return the names of the topics this call created
   * @throws TopicMismatchException when an existing topic differs in partitions or cleanup policy
   */
  public List<String> ensure(Collection<TopicSpec> declared) {
    Map<String, TopicSpec> byName =
        declared.stream().collect(Collectors.toMap(TopicSpec::name, Function.identity()));
    Set<String> existing = await(admin.listTopics().names());
    List<TopicSpec> missing =
        declared.stream().filter(spec -> !existing.contains(spec.name())).toList();
    List<String> created = create(missing);
    List<String> toCheck =
        byName.keySet().stream().filter(name -> !created.contains(name)).sorted().toList();
    check(toCheck, byName);
    if (!created.isEmpty()) {
      log.info("Created topics {}", created.stream().sorted().toList());
    }
    return created;
  }

  private List<String> create(List<TopicSpec> missing) {
    List<NewTopic> newTopics =
        missing.stream()
            .map(
                spec ->
                    new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor())
                        .configs(spec.configs()))
            .toList();
    List<String> created = new ArrayList<>();
    admin
        .createTopics(newTopics)
        .values()
        .forEach(
            (name, future) -> {
              try {
                await(future);
                created.add(name);
              } catch (KafkaOperationException e) {
                // Another instance created it in the meantime: it gets checked like any other.
                if (!(e.getCause() instanceof TopicExistsException)) {
                  throw e;
                }
              }
            });
    return created;
  }

  private void check(List<String> names, Map<String, TopicSpec> byName) {
    if (names.isEmpty()) {
      return;
    }
    Map<String, TopicDescription> descriptions =
        awaitRetrying(() -> admin.describeTopics(names).allTopicNames());
    List<ConfigResource> resources =
        names.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
    Map<ConfigResource, Config> configs =
        awaitRetrying(() -> admin.describeConfigs(resources).all());
    List<String> mismatches = new ArrayList<>();
    for (String name : names) {
      TopicSpec spec = byName.get(name);
      TopicDescription description = descriptions.get(name);
      Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
      mismatches.addAll(
          new TopicComparison(spec, description, config, allowFiniteRetention).refusals());
    }
    if (!mismatches.isEmpty()) {
      throw new TopicMismatchException(mismatches);
    }
  }

  /**
   * Awaits a request that may fail for a while on a topic just created, by this instance or
   * another: until its partitions reach every broker, describing it says the topic-partition is not
   * hosted. Such retriable failures are retried within the timeout.
   */
  private <T> T awaitRetrying(Supplier<KafkaFuture<T>> request) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return await(request.get());
      } catch (KafkaOperationException e) {
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
          throw e;
        }
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY_BACKOFF);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaOperationException("interrupted while provisioning topics", e);
    }
  }

  private <T> T await(KafkaFuture<T> future) {
    return AdminRequests.await(future, timeout, "a topic administration request");
  }

  /** One existing topic against its declaration. */
  private record TopicComparison(
      TopicSpec spec, TopicDescription description, Config config, boolean allowFiniteRetention) {

    List<String> refusals() {
      List<String> refusals = new ArrayList<>();
      int partitions = description.partitions().size();
      if (partitions != spec.partitions()) {
        refusals.add(
            "%s has %d partitions, but Cairn declares %d"
                .formatted(spec.name(), partitions, spec.partitions()));
      }
      String policy = value(TopicSpec.CLEANUP_POLICY);
      if (!spec.cleanupPolicy().equals(policy)) {
        refusals.add(
            "%s has cleanup.policy=%s, but Cairn declares cleanup.policy=%s"
                .formatted(spec.name(), policy, spec.cleanupPolicy()));
      }
      if (!allowFiniteRetention) {
        refusals.addAll(expiring());
      }
      warnAboutOtherDifferences();
      return refusals;
    }

    /** The retentions of a topic declared to keep its records forever, where they are finite. */
    private List<String> expiring() {
      return RETENTION.stream()
          .filter(key -> KEPT_FOREVER.equals(spec.configs().get(key)))
          .filter(key -> !KEPT_FOREVER.equals(value(key)))
          .map(
              key ->
                  ("%s has %s=%s, but keeps its records forever: it is the source of truth. Set"
                          + " it to -1, or allow it with topics.allow.finite.retention=true where"
                          + " the log is archived elsewhere")
                      .formatted(spec.name(), key, value(key)))
          .toList();
    }

    private void warnAboutOtherDifferences() {
      int replicas = description.partitions().getFirst().replicas().size();
      if (replicas != spec.replicationFactor()) {
        log.warn(
            "Topic {} has replication factor {}, but Cairn declares {}",
            spec.name(),
            replicas,
            spec.replicationFactor());
      }
      spec.configs()
          .forEach(
              (key, declared) -> {
                String actual = value(key);
                boolean refused = !allowFiniteRetention && RETENTION.contains(key);
                if (!key.equals(TopicSpec.CLEANUP_POLICY)
                    && !declared.equals(actual)
                    && !(refused && KEPT_FOREVER.equals(declared))) {
                  log.warn(
                      "Topic {} has {}={}, but Cairn declares {}",
                      spec.name(),
                      key,
                      actual,
                      declared);
                }
              });
    }

    private String value(String key) {
      ConfigEntry entry = config.get(key);
      return entry == null ? null : entry.value();
    }
  }
}
