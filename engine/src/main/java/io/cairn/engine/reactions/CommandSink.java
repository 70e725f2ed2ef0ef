package io.cairn.engine.reactions;

import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.kafka.topics.ContractTopics;
import io.cairn.kafka.topics.Topic;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Where the commands reactions send go: each to the commands topic of its aggregate type, told by
 * its envelope's schema, with the contract's serdes.
 */
public final class CommandSink {
  private final Map<String, String> topicBySchema;
  private final Topic<String, SpecificRecord> anyCommands;

  /**
   * @param aggregates the aggregate types commands can be sent to
   * @param topics the topics with the contract's serdes
   */
  public CommandSink(List<BoundAggregate<?, ?, ?>> aggregates, ContractTopics topics) {
    this.topicBySchema =
        aggregates.stream()
            .collect(
                Collectors.toMap(
                    a -> a.envelopes().command().getFullName(),
                    a -> topics.commands(a.name()).name()));
    this.anyCommands = topics.commands(aggregates.getFirst().name());
  }

  /** Sends the stream's commands to their topics. */
  public void sendTo(KStream<String, SpecificRecord> commands) {
    commands.to(
        (key, envelope, context) -> topicBySchema.get(envelope.getSchema().getFullName()),
        Produced.with(anyCommands.keySerde(), anyCommands.valueSerde()));
  }
}
