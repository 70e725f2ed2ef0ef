package io.cairn.queries.stores;

import io.cairn.kafka.stores.Store;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The views as a running Kafka Streams application holds them.
 *
 * <p>Stores are read through the store interface of interactive queries rather than IQv2's {@code
 * KafkaStreams.query}: in Kafka Streams 4.3, an IQv2 query takes a RocksDB store's position lock
 * before the store's own lock, and a put takes them the other way round, so concurrent queries
 * deadlock the stream thread (KAFKA-19629, fixed after 4.3). Store reads take the store lock alone.
 */
public final class StreamsViewsAccess implements ViewsAccess {
  private final KafkaStreams streams;

  /** Access to the given views application. */
  public StreamsViewsAccess(KafkaStreams streams) {
    this.streams = streams;
  }

  @Override
  public <K, V> ReadOnlyKeyValueStore<K, V> partition(
      Store<K, V> store, int partition, boolean stale) {
    return store.partition(streams, partition, stale);
  }

  @Override
  public KeyQueryMetadata where(Store<?, ?> store, int partition) {
    StreamPartitioner<String, Object> to =
        (topic, key, value, count) -> Optional.of(Set.of(partition));
    try {
      KeyQueryMetadata where = streams.queryMetadataForKey(store.name(), "", to);
      return where == null || where.equals(KeyQueryMetadata.NOT_AVAILABLE) ? null : where;
    } catch (RuntimeException e) {
      return null; // not running yet: nothing is placed
    }
  }

  @Override
  public Long lag(Store<?, ?> store, int partition) {
    try {
      Map<Integer, LagInfo> lags = streams.allLocalStorePartitionLags().get(store.name());
      LagInfo lag = lags == null ? null : lags.get(partition);
      return lag == null ? null : lag.offsetLag();
    } catch (RuntimeException e) {
      return null; // not running: the answer is still worth giving, without the figure
    }
  }

  @Override
  public String state() {
    return streams.state().name();
  }
}
