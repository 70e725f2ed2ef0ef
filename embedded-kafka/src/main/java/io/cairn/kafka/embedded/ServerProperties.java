package io.cairn.kafka.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The server.properties of a node of a KRaft cluster, broker and controller in one process, bound
 * to loopback only: a cluster of one by default, or one of several.
 */
final class ServerProperties {
  private ServerProperties() {}

  /** The broker's configuration, sorted so the generated file is stable from run to run. */
  static Map<String, String> of(
      BrokerSettings settings, Quorum quorum, Path logDir, Optional<BrokerSecurity> security) {
    String listener = security.isPresent() ? "SASL_SSL" : "PLAINTEXT";
    String host = BrokerSettings.HOST;
    Map<String, String> props = new TreeMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(quorum.nodeId()));
    props.put("controller.quorum.voters", quorum.voters());
    props.put(
        "listeners",
        listener
            + "://"
            + host
            + ":"
            + settings.port()
            + ",CONTROLLER://"
            + host
            + ":"
            + settings.controllerPort());
    props.put("advertised.listeners", listener + "://" + host + ":" + settings.advertisedPort());
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    // Cairn declares and creates every topic it uses; a typo must not create a topic silently.
    props.put("auto.create.topics.enable", "false");
    // As many copies of the internal topics as the cluster has nodes, up to three.
    String replication = Integer.toString(quorum.replication());
    String minInSync = Integer.toString(quorum.minInSync());
    props.put("offsets.topic.replication.factor", replication);
    props.put("transaction.state.log.replication.factor", replication);
    props.put("transaction.state.log.min.isr", minInSync);
    props.put("share.coordinator.state.topic.replication.factor", replication);
    props.put("share.coordinator.state.topic.min.isr", minInSync);
    if (quorum.size() > 1) {
      // On loopback a node that stops heartbeating is gone: its partitions move to the others
      // after 3 s rather than Kafka's 9, so the cluster serves on when one node dies.
      props.put("broker.session.timeout.ms", "3000");
      props.put("broker.heartbeat.interval.ms", "1000");
    }
    // Fewer internal partitions than a production cluster's 50: they are created on first use,
    // and on two cores fifty of them make the first consumer group or transaction slow.
    props.put("offsets.topic.num.partitions", "10");
    props.put("transaction.state.log.num.partitions", "10");
    // No other member is coming: do not hold the first rebalance back for them.
    props.put("group.initial.rebalance.delay.ms", "0");
    security.ifPresent(secure -> props.putAll(secure.serverProperties()));
    return props;
  }
}
