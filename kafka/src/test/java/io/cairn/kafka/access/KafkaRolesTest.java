package io.cairn.kafka.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** Each role gets what it needs and no more: the data team reads, the gateway only writes. */
class KafkaRolesTest {
  private static final List<String> TYPES = List.of("carts", "orders");

  @Test
  void aDataTeamReadsEventsStatesAndIntegrationTopicsButNeverWritesOrReadsCommands() {
    List<AclBinding> team =
        KafkaRoles.bindings(
            KafkaRoles.Role.DATA_TEAM, "User:analytics", TYPES, "_schemas", "analytics");

    assertThat(topics(team, AclOperation.READ))
        .containsExactlyInAnyOrder(
            "cairn.carts.events",
            "cairn.carts.state",
            "cairn.orders.events",
            "cairn.orders.state",
            "cairn.integration.");
    assertThat(team)
        .extracting(binding -> binding.entry().operation())
        .doesNotContain(AclOperation.WRITE, AclOperation.ALL, AclOperation.IDEMPOTENT_WRITE);
    assertThat(team).allMatch(binding -> binding.entry().principal().equals("User:analytics"));
  }

  @Test
  void aGatewayWritesOnlyCommandsAndReadsOnlyTheirReplies() {
    List<AclBinding> gateway =
        KafkaRoles.bindings(KafkaRoles.Role.GATEWAY, "User:gw", TYPES, "_schemas", "gw");

    assertThat(topics(gateway, AclOperation.WRITE))
        .containsExactlyInAnyOrder("cairn.carts.commands", "cairn.orders.commands");
    assertThat(topics(gateway, AclOperation.READ)).containsExactly("cairn.command-replies");
  }

  @Test
  void theAppOwnsItsPrefixAndItsSchemaLogOnly() {
    List<AclBinding> app =
        KafkaRoles.bindings(KafkaRoles.Role.APP, "User:cairn", TYPES, "_schemas", "cairn");

    assertThat(topics(app, AclOperation.ALL)).containsExactlyInAnyOrder("cairn", "_schemas");
  }

  private static List<String> topics(List<AclBinding> bindings, AclOperation operation) {
    return bindings.stream()
        .filter(binding -> binding.pattern().resourceType() == ResourceType.TOPIC)
        .filter(binding -> binding.entry().operation() == operation)
        .map(binding -> binding.pattern().name())
        .toList();
  }
}
