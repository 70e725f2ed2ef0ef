package io.cairn.engine.reactions;

import io.cairn.engine.views.stores.JsonSerde;
import io.cairn.kafka.stores.Store;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The state stores of one process manager, in the command processors' application: its processes by
 * id, and its pending deadlines in the order they pass. Their names are in their changelogs' names
 * ({@code cairn-commands-process-<name>-changelog}), so they never change.
 *
 * @param instances each process, by id
 * @param deadlines each pending deadline, keyed by {@link DeadlineKey}
 */
public record ProcessStores(
    Store<String, ProcessInstance> instances, Store<String, DeadlineKey> deadlines) {

  /** The stores of the named process manager. */
  public static ProcessStores of(String manager) {
    return new ProcessStores(
        new Store<>("process-" + manager, Serdes.String(), JsonSerde.of(ProcessInstance.class)),
        new Store<>(
            "process-" + manager + "-deadlines", Serdes.String(), JsonSerde.of(DeadlineKey.class)));
  }
}
