package io.cairn.kafka.stores;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * A key-value state store as Cairn declares it: its name with the serdes of its keys and values, so
 * the topology that builds it, the processors that write it and the queries that read it all open
 * it from the one declaration, typed, rather than by a name.
 *
 * @param name the store's name, also in its changelog topic's name
 * @param keySerde how its keys are stored
 * @param valueSerde how its values are stored
 * @param <K> its keys
 * @param <V> its values
 */
public record Store<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

  /** Checks that every part is there. */
  public Store {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }

  /** The builder of the store in RocksDB, with a changelog, as a topology adds it. */
  public StoreBuilder<KeyValueStore<K, V>> persistent() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keySerde, valueSerde);
  }

  /** The store as a processor of a task that is connected to it writes it. */
  public KeyValueStore<K, V> in(ProcessorContext<?, ?> context) {
    return context.getStateStore(name);
  }

  /**
   * Deletes the entries of a store that a test says have expired, such as those older than a
   * retention; returns how many it deleted. The keys are gathered first and deleted after, as a
   * RocksDB iterator must not outlive the writes it sees.
   */
  public static <K, V> int purge(KeyValueStore<K, V> store, BiPredicate<K, V> expired) {
    List<K> gone = new ArrayList<>();
    try (KeyValueIterator<K, V> all = store.all()) {
      all.forEachRemaining(
          entry -> {
            if (expired.test(entry.key, entry.value)) {
              gone.add(entry.key);
            }
          });
    }
    gone.forEach(store::delete);
    return gone.size();
  }

  /**
   * One partition of the store, as interactive queries read it on this instance.
   *
   * @param stale whether a standby's copy will do when this instance is not the partition's active
   * @throws org.apache.kafka.streams.errors.InvalidStateStoreException when the partition cannot be
   *     read here now
   */
  public ReadOnlyKeyValueStore<K, V> partition(KafkaStreams streams, int partition, boolean stale) {
    StoreQueryParameters<ReadOnlyKeyValueStore<K, V>> query =
        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore())
            .withPartition(partition);
    return streams.store(stale ? query.enableStaleStores() : query);
  }

  /**
   * Every partition of the store that is active on this instance, as one read-only store.
   *
   * @throws org.apache.kafka.streams.errors.InvalidStateStoreException when the store cannot be
   *     read here now, as during a rebalance
   */
  public ReadOnlyKeyValueStore<K, V> local(KafkaStreams streams) {
    return streams.store(
        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
  }
}
