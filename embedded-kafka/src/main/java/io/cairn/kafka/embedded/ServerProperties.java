package io.cairn.kafka.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The server.properties of a one-node KRaft cluster (broker and controller in one process) bound to
 * loopback only.
 */
final class ServerProperties {
  static final int NODE_ID = 1;

  private ServerProperties() {}

  /** The broker's configuration, sorted so the generated file is stable from run to run. */
  static Map<String, String> of(
      BrokerSettings settings, Path logDir, Optional<BrokerSecurity> security) {
    String listener = security.isPresent() ? "SASL_SSL" : "PLAINTEXT";
    String host = BrokerSettings.HOST;
    Map<String, String> props = new TreeMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + settings.controllerPort());
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
    // One node: every internal topic has a single replica.
    props.put("offsets.topic.replication.factor", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
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
