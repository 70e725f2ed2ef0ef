package io.cairn.engine.reactions;

import io.cairn.kafka.stores.Store;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The state store of one inbox, in the command processors' application: the events it has applied,
 * by source and id, with when it read them. Its name is in its changelog's name, so it never
 * changes.
 *
 * @param seen the events applied, by {@code <source>#<id>}, to when they were read
 */
public record InboxStores(Store<String, Long> seen) {

  /** The store of the named inbox. */
  public static InboxStores of(String inbox) {
    return new InboxStores(new Store<>("inbox-" + inbox + "-seen", Serdes.String(), Serdes.Long()));
  }
}
