package io.cairn.queries.stores;

import io.cairn.kafka.stores.Store;
import io.cairn.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.UnknownStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the partition of a views store that holds an id, or some partitions of it, on this
 * instance. The views' stores are all partitioned like the event topics, by id with the producer's
 * default partitioner, so the id alone names the partition to read.
 */
public final class StoreReader {
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final ViewsAccess views;
  private final int partitions;
  private final boolean stale;

  /**
   * @param views the views application's stores
   * @param partitions the partition count of the event topics, which start-up checked
   * @param stale whether a standby's copy of a partition will do, when this instance is not the
   *     partition's active
   */
  public StoreReader(ViewsAccess views, int partitions, boolean stale) {
    this.views = views;
    this.partitions = partitions;
    this.stale = stale;
  }

  /**
   * Reads the partition of a store that holds an id. Iterators the read opens, it closes.
   *
   * @throws ApiException 503 not_ready when this instance cannot answer for that partition now
   */
  public <K, V, T> T read(
      Store<K, V> store, String id, Function<ReadOnlyKeyValueStore<K, V>, T> read) {
    try {
      return read.apply(views.partition(store, partitionOf(id), stale));
    } catch (InvalidStateStoreException e) {
      throw unavailable(store, e);
    }
  }

  /**
   * Reads some partitions of a store, which must all be on this instance. Iterators the read opens,
   * it closes.
   *
   * @throws ApiException 503 not_ready when a partition cannot answer now
   */
  public <K, V, T> T readPartitions(
      Store<K, V> store,
      Set<Integer> wanted,
      Function<Map<Integer, ReadOnlyKeyValueStore<K, V>>, T> read) {
    try {
      Map<Integer, ReadOnlyKeyValueStore<K, V>> stores = new TreeMap<>();
      for (int partition : wanted) {
        stores.put(partition, views.partition(store, partition, stale));
      }
      return read.apply(stores);
    } catch (InvalidStateStoreException e) {
      throw unavailable(store, e);
    }
  }

  /** The partition the producer's default partitioner gave the id's events. */
  public int partitionOf(String id) {
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    return Utils.toPositive(Utils.murmur2(key)) % partitions;
  }

  /** Whether it reads standbys' copies too. */
  public boolean stale() {
    return stale;
  }

  private ApiException unavailable(Store<?, ?> store, InvalidStateStoreException e) {
    if (e instanceof UnknownStateStoreException) {
      throw new IllegalStateException("the views have no store " + store.name(), e);
    }
    // Not running yet, rebalancing, or the partition is not (or no longer) on this instance.
    return ApiException.unavailable(
        "not_ready",
        "Cairn cannot answer this query now: the views cannot read "
            + store.name()
            + " ("
            + views.state()
            + ").",
        RETRY_AFTER);
  }
}
