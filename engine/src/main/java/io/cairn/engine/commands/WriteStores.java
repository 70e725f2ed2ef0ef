package io.cairn.engine.commands;

import io.cairn.avro.replies.CommandReply;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.kafka.stores.Store;
import io.cairn.kafka.topics.ContractTopics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The state stores of one aggregate type's command processor. Their names are in their changelog
 * topics' names ({@code cairn-commands-<type>-aggregates-changelog}), so they never change.
 *
 * @param aggregates each aggregate's snapshot, by aggregate id
 * @param idempotency the first answer to each command sent with an Idempotency-Key
 */
record WriteStores(
    Store<String, SpecificRecord> aggregates, Store<String, CommandReply> idempotency) {

  /** The name of the store of an aggregate type's snapshots. */
  static String aggregatesStore(String type) {
    return type + "-aggregates";
  }

  /** The stores of an aggregate type. */
  static WriteStores of(BoundAggregate<?, ?, ?> aggregate, ContractTopics topics) {
    return new WriteStores(
        new Store<>(aggregatesStore(aggregate.name()), Serdes.String(), topics.storeSerde()),
        new Store<>(aggregate.name() + "-idempotency", Serdes.String(), topics.storeSerde()));
  }
}
