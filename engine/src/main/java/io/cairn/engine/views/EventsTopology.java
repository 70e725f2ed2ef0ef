package io.cairn.engine.views;

import io.cairn.engine.views.stores.DecodedEvent;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

/**
 * More of the read side, built on the aggregate types' decoded event streams in the views
 * application, such as the reports: it shares the views' transactions, rebuild and lag, and costs
 * no Streams application of its own.
 */
@FunctionalInterface
public interface EventsTopology {
  /**
   * Adds itself to the builder.
   *
   * @param events each aggregate type's decoded events, by type name, keyed by aggregate id
   */
  void build(StreamsBuilder builder, Map<String, KStream<String, DecodedEvent>> events);
}
