package io.cairn.engine.reactions;

import io.cairn.core.reaction.Inbox;
import io.cairn.engine.views.stores.JsonSerde;
import io.cairn.kafka.topics.CairnTopics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The inboxes' sub-topologies, in the command processors' application: from each inbox's topic,
 * through its {@link InboxReader}, a repartition by the events' source and id ({@code
 * cairn-commands-inbox-<name>-repartition}), so that one event sent twice under different keys
 * meets itself, to its {@link InboxProcessor}, and on to the commands topics.
 */
public final class InboxTopology {
  private InboxTopology() {}

  /**
   * What the inboxes need besides their declarations.
   *
   * @param topics the topic names
   * @param avro reads binary-mode Avro data
   * @param clock the clock events are received by
   * @param retention how long an event's source and id are remembered
   */
  public record Settings(
      CairnTopics topics, Deserializer<GenericRecord> avro, Clock clock, Duration retention) {}

  /** Adds every inbox's sub-topology. */
  public static void build(
      StreamsBuilder builder,
      List<Inbox> inboxes,
      CommandWriter writer,
      CommandSink commands,
      Settings settings) {
    CloudEventReader reader = new CloudEventReader(settings.avro());
    for (Inbox inbox : inboxes) {
      String name = "inbox-" + inbox.name();
      InboxStores stores = InboxStores.of(inbox.name());
      builder.addStateStore(stores.seen().persistent());
      KStream<String, SpecificRecord> sent =
          builder.stream(
                  settings.topics().inbox(inbox.name()).name(),
                  Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(name))
              .process(
                  () -> new InboxReader(inbox, reader, settings.clock()), Named.as(name + "-read"))
              .repartition(
                  Repartitioned.with(Serdes.String(), JsonSerde.of(InboxEntry.class))
                      .withName(name))
              .process(
                  () ->
                      new InboxProcessor(
                          inbox, stores, writer, settings.clock(), settings.retention()),
                  Named.as(name + "-apply"),
                  stores.seen().name());
      commands.sendTo(sent);
    }
  }
}
