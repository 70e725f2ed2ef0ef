package io.cairn.app.views;

import io.cairn.app.config.ProcessingConfig;
import io.cairn.app.config.ViewsConfig;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.topology.aggregate.AggregateType;
import io.cairn.topology.kafka.KafkaConnection;
import io.cairn.topology.topics.TopicDefaults;
import io.cairn.topology.views.Projection;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/**
 * What the views application is built from, the same at its first start and after every rebuild.
 *
 * @param processing the Kafka Streams settings every Cairn application shares
 * @param views how the views are kept
 * @param topicDefaults the topics' partition count and replication
 * @param types the aggregate types whose events the views read
 * @param projections the views
 * @param kafka the cluster
 * @param registry the schema registry the event serde reads writer schemas from
 * @param self this instance's advertised HTTP address
 */
public record ViewsSetup(
    ProcessingConfig processing,
    ViewsConfig views,
    TopicDefaults topicDefaults,
    List<AggregateType<?, ?, ?>> types,
    List<Projection<?>> projections,
    KafkaConnection kafka,
    SchemaRegistryClient registry,
    HostInfo self) {

  /** Copies the lists. */
  public ViewsSetup {
    types = List.copyOf(types);
    projections = List.copyOf(projections);
  }
}
