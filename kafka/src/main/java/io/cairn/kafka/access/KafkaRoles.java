package io.cairn.kafka.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The least-privilege ACLs of each kind of Kafka client Cairn has, as bindings for a principal:
 * what {@code bin/cairn} grants on its own secure broker, and what an operator grants on theirs.
 */
public final class KafkaRoles {
  /** The kinds of client. */
  public enum Role {
    /** Cairn itself: every topic, group and transaction of its own, and its schema log. */
    APP,
    /** A data team: reads the events, the states and the integration topics, nothing else. */
    DATA_TEAM,
    /** A command gateway on its own: writes commands and reads their replies. */
    GATEWAY,
    /** Another service feeding Cairn: writes to the inbox topics. */
    INBOX_WRITER
  }

  private static final String ALL_OF_CAIRN = "cairn";
  private static final String INTEGRATION = "cairn.integration.";
  private static final String INBOX = "cairn.inbox.";
  private static final String REPLIES = "cairn.command-replies";

  private KafkaRoles() {}

  /**
   * The ACLs of a role.
   *
   * @param principal whom they are for, such as {@code User:analytics}
   * @param aggregateTypes the aggregate types, whose topics are named by type
   * @param registryTopic the embedded schema registry's log, which the app reads and writes
   * @param groupPrefix the prefix of the consumer groups the principal may use, when it reads
   */
  public static List<AclBinding> bindings(
      Role role,
      String principal,
      Collection<String> aggregateTypes,
      String registryTopic,
      String groupPrefix) {
    Grants grants = new Grants(principal);
    switch (role) {
      case APP -> {
        grants.prefixed(ResourceType.TOPIC, ALL_OF_CAIRN, AclOperation.ALL);
        grants.prefixed(ResourceType.GROUP, ALL_OF_CAIRN, AclOperation.ALL);
        grants.prefixed(ResourceType.TRANSACTIONAL_ID, ALL_OF_CAIRN, AclOperation.ALL);
        grants.literal(ResourceType.TOPIC, registryTopic, AclOperation.ALL);
        grants.cluster(AclOperation.IDEMPOTENT_WRITE, AclOperation.DESCRIBE);
        grants.cluster(AclOperation.DESCRIBE_CONFIGS);
      }
      case DATA_TEAM -> {
        for (String type : aggregateTypes) {
          grants.literal(ResourceType.TOPIC, "cairn." + type + ".events", read());
          grants.literal(ResourceType.TOPIC, "cairn." + type + ".state", read());
        }
        grants.prefixed(ResourceType.TOPIC, INTEGRATION, read());
        grants.prefixed(ResourceType.GROUP, groupPrefix, AclOperation.READ);
      }
      case GATEWAY -> {
        for (String type : aggregateTypes) {
          grants.literal(
              ResourceType.TOPIC,
              "cairn." + type + ".commands",
              AclOperation.WRITE,
              AclOperation.DESCRIBE);
        }
        grants.literal(ResourceType.TOPIC, REPLIES, read());
        grants.prefixed(ResourceType.GROUP, groupPrefix, AclOperation.READ);
        grants.cluster(AclOperation.IDEMPOTENT_WRITE);
      }
      case INBOX_WRITER -> {
        grants.prefixed(ResourceType.TOPIC, INBOX, AclOperation.WRITE, AclOperation.DESCRIBE);
        grants.cluster(AclOperation.IDEMPOTENT_WRITE);
      }
    }
    return grants.bindings;
  }

  private static AclOperation[] read() {
    return new AclOperation[] {AclOperation.READ, AclOperation.DESCRIBE};
  }

  /** The bindings of one principal, as they are granted. */
  private static final class Grants {
    private final String principal;
    private final List<AclBinding> bindings = new ArrayList<>();

    Grants(String principal) {
      this.principal = principal;
    }

    void literal(ResourceType type, String name, AclOperation... operations) {
      allow(new ResourcePattern(type, name, PatternType.LITERAL), operations);
    }

    void prefixed(ResourceType type, String prefix, AclOperation... operations) {
      allow(new ResourcePattern(type, prefix, PatternType.PREFIXED), operations);
    }

    void cluster(AclOperation... operations) {
      allow(
          new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL),
          operations);
    }

    private void allow(ResourcePattern pattern, AclOperation... operations) {
      for (AclOperation operation : operations) {
        bindings.add(
            new AclBinding(
                pattern,
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
      }
    }
  }
}
