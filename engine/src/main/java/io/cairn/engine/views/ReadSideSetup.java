package io.cairn.engine.views;

import io.cairn.core.view.Projection;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.engine.peers.Peers;
import io.cairn.engine.streams.StreamsSettings;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.topics.ContractTopics;
import io.cairn.kafka.topics.TopicDefaults;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/**
 * What the views application is built from, the same at its first start and after every rebuild.
 *
 * @param streams the Kafka Streams settings every Cairn application shares
 * @param views how the views are kept
 * @param topicDefaults the topics' partition count and replication
 * @param aggregates the aggregate types whose events the views read, bound to the contract
 * @param projections the views
 * @param more what else the views application builds on the events, such as the reports
 * @param kafka the cluster
 * @param topics the topics with the contract's serdes
 * @param self this instance's advertised HTTP address
 * @param peers how this instance calls the others (a rebuild's pause and resume)
 */
public record ReadSideSetup(
    StreamsSettings streams,
    ViewsSettings views,
    TopicDefaults topicDefaults,
    List<BoundAggregate<?, ?, ?>> aggregates,
    List<Projection<?>> projections,
    List<EventsTopology> more,
    KafkaConnection kafka,
    ContractTopics topics,
    HostInfo self,
    Peers peers) {

  /** Copies the lists. */
  public ReadSideSetup {
    aggregates = List.copyOf(aggregates);
    projections = List.copyOf(projections);
    more = List.copyOf(more);
  }
}
