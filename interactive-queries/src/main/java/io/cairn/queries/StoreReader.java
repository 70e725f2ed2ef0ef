package io.cairn.queries;

import io.cairn.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.UnknownStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the partition of a views store that holds an id, or every partition of it. The views'
 * stores are all partitioned like the event topics, by id with the producer's default partitioner,
 * so the id alone names the partition to read.
 *
 * <p>This uses the store interface of interactive queries rather than IQv2's {@code
 * KafkaStreams.query}: in Kafka Streams 4.3, an IQv2 query takes a RocksDB store's position lock
 * before the store's own lock, and a put takes them the other way round, so concurrent queries
 * deadlock the stream thread (KAFKA-19629, fixed after 4.3). Store reads take the store lock alone.
 */
final class StoreReader {
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final KafkaStreams streams;
  private final int partitions;
  private final boolean stale;

  /**
   * @param streams the running views application
   * @param partitions the partition count of the event topics, which start-up checked
   * @param stale whether a standby's copy of a partition will do, when this instance is not the
   *     partition's active
   */
  StoreReader(KafkaStreams streams, int partitions, boolean stale) {
    this.streams = streams;
    this.partitions = partitions;
    this.stale = stale;
  }

  /**
   * Reads the partition of a store that holds an id. Iterators the read opens, it closes.
   *
   * @throws ApiException 503 not_ready when this instance cannot answer for that partition now
   */
  <K, V, T> T read(String store, String id, Function<ReadOnlyKeyValueStore<K, V>, T> read) {
    int partition = partitionOf(id);
    try {
      return read.apply(this.<K, V>store(store, partition));
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
  <K, V, T> T readPartitions(
      String store,
      Set<Integer> wanted,
      Function<Map<Integer, ReadOnlyKeyValueStore<K, V>>, T> read) {
    try {
      Map<Integer, ReadOnlyKeyValueStore<K, V>> stores = new TreeMap<>();
      for (int partition : wanted) {
        stores.put(partition, store(store, partition));
      }
      return read.apply(stores);
    } catch (InvalidStateStoreException e) {
      throw unavailable(store, e);
    }
  }

  private <K, V> ReadOnlyKeyValueStore<K, V> store(String store, int partition) {
    StoreQueryParameters<ReadOnlyKeyValueStore<K, V>> query =
        StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<K, V>keyValueStore())
            .withPartition(partition);
    return streams.store(stale ? query.enableStaleStores() : query);
  }

  /** The partition the producer's default partitioner gave the id's events. */
  int partitionOf(String id) {
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    return Utils.toPositive(Utils.murmur2(key)) % partitions;
  }

  private ApiException unavailable(String store, InvalidStateStoreException e) {
    if (e instanceof UnknownStateStoreException) {
      throw new IllegalStateException("the views have no store " + store, e);
    }
    // Not running yet, rebalancing, or the partition is not (or no longer) on this instance.
    return ApiException.unavailable(
        "not_ready",
        "Cairn cannot answer this query now: the views cannot read "
            + store
            + " ("
            + streams.state()
            + ").",
        RETRY_AFTER);
  }
}
