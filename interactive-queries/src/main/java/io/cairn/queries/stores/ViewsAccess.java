package io.cairn.queries.stores;

import io.cairn.kafka.stores.Store;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The views application as this instance's queries reach it: the partitions of its stores held
 * here, where each partition lives among the instances, and how far this instance's copies trail.
 */
public interface ViewsAccess {

  /**
   * One partition of a store on this instance.
   *
   * @param stale whether a standby's copy will do when this instance is not the partition's active
   * @throws org.apache.kafka.streams.errors.InvalidStateStoreException when it cannot be read here
   *     now
   */
  <K, V> ReadOnlyKeyValueStore<K, V> partition(Store<K, V> store, int partition, boolean stale);

  /**
   * Where a partition of a store lives: its active instance and its standbys; null while that is
   * not known (the views are starting or rebalancing).
   */
  KeyQueryMetadata where(Store<?, ?> store, int partition);

  /** How many records this instance's copy of a partition trails its changelog, if known. */
  Long lag(Store<?, ?> store, int partition);

  /** The views application's state ({@code RUNNING}, {@code REBALANCING}, ...), for messages. */
  String state();
}
