package io.cairn.app;

import io.cairn.kafka.access.KafkaRoles;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.embedded.BrokerSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker's secure mode as the app uses it: as the broker's admin it grants each role's
 * ACLs to the user of that name, then connects as its own user, {@code cairn}, with no more rights
 * than its role's, once the broker enforces them.
 */
final class BrokerAccess {
  private static final Logger log = LoggerFactory.getLogger(BrokerAccess.class);
  private static final String APP_USER = "cairn";
  private static final Duration IN_FORCE_TIMEOUT = Duration.ofSeconds(30);

  private BrokerAccess() {}

  /**
   * Grants the roles' ACLs and answers the app's own connection.
   *
   * @param plain the connection without credentials: the broker's address and client settings
   * @param aggregateTypes the aggregate types, whose topics the ACLs name
   * @param registryTopic the schema registry's log
   */
  static KafkaConnection grant(
      KafkaConnection plain,
      BrokerSecurity security,
      Collection<String> aggregateTypes,
      String registryTopic) {
    List<AclBinding> bindings = new ArrayList<>();
    bindings.addAll(
        KafkaRoles.bindings(
            KafkaRoles.Role.APP, "User:" + APP_USER, aggregateTypes, registryTopic, APP_USER));
    bindings.addAll(role(KafkaRoles.Role.DATA_TEAM, "data-team", aggregateTypes, registryTopic));
    bindings.addAll(role(KafkaRoles.Role.GATEWAY, "gateway", aggregateTypes, registryTopic));
    bindings.addAll(
        role(KafkaRoles.Role.INBOX_WRITER, "inbox-writer", aggregateTypes, registryTopic));
    try (Admin admin = Admin.create(as(plain, security, BrokerSecurity.ADMIN).clientConfig())) {
      admin.createAcls(bindings).all().get(IN_FORCE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot grant the broker's ACLs: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted granting the broker's ACLs", e);
    }
    KafkaConnection app = as(plain, security, APP_USER);
    awaitInForce(app);
    log.info(
        "The broker authenticates with {} over TLS; the app connects as {}, with {} ACLs granted"
            + " to its roles' users (passwords in the broker's security directory)",
        BrokerSecurity.MECHANISM,
        APP_USER,
        bindings.size());
    return app;
  }

  private static List<AclBinding> role(
      KafkaRoles.Role role, String user, Collection<String> types, String registryTopic) {
    return KafkaRoles.bindings(role, "User:" + user, types, registryTopic, user);
  }

  private static KafkaConnection as(KafkaConnection plain, BrokerSecurity security, String user) {
    Map<String, String> settings = new HashMap<>(plain.clientSettings());
    settings.putAll(security.clientSettings(user));
    return new KafkaConnection(plain.bootstrapServers(), settings);
  }

  /** Waits until the broker lets the app's user act on the cluster: its ACLs are in force. */
  private static void awaitInForce(KafkaConnection app) {
    Instant deadline = Instant.now().plus(IN_FORCE_TIMEOUT);
    try (Admin admin = Admin.create(app.clientConfig())) {
      while (!granted(admin)) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "the broker did not enforce the app's ACLs within " + IN_FORCE_TIMEOUT);
        }
        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      }
    }
  }

  private static boolean granted(Admin admin) {
    try {
      Set<AclOperation> allowed =
          admin
              .describeCluster(new DescribeClusterOptions().includeAuthorizedOperations(true))
              .authorizedOperations()
              .get(5, TimeUnit.SECONDS);
      return allowed != null && allowed.contains(AclOperation.IDEMPOTENT_WRITE);
    } catch (ExecutionException | TimeoutException e) {
      return false; // not authorised yet: asked again until the deadline
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the broker's ACLs", e);
    }
  }
}
