package io.cairn.engine.views.stores;

import io.cairn.core.view.Projection;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A view's past versions, for queries as of an instant. Each version is its own entry in a
 * key-value store of bytes, under the {@link OrderedKey} of the view's key and the instant, in
 * epoch milliseconds, it is valid from. The version valid at an instant is the last one up to it:
 * one reverse seek. {@link VersionSweep} drops the versions retention no longer needs.
 *
 * <p>Why not Kafka Streams' versioned store: it keeps all of a key's versions within a segment (7
 * hours with a week's retention) in one RocksDB value, which every put reads, copies and writes
 * again whole. A view changed N times in a segment cost O(N) per change: in the command benchmark,
 * where a cart changes eight times a second, about 64 KB copied per event and a third of the views'
 * CPU. Here a change writes one entry.
 *
 * @param <V> the view
 */
public final class PastVersions<V> {
  private final Serde<V> serde;

  private PastVersions(Serde<V> serde) {
    this.serde = serde;
  }

  /** The versions of a projection's view. */
  public static <V> PastVersions<V> of(Projection<V> projection) {
    return new PastVersions<>(
        JsonSerde.of(
            ViewJson.MAPPER.getTypeFactory().constructType(projection.viewType()),
            projection.name() + " version"));
  }

  /**
   * A version of a view.
   *
   * @param view the view
   * @param validFrom when it became the view, in epoch milliseconds
   */
  public record Version<V>(V view, long validFrom) {}

  /**
   * Files a version valid from an instant, replacing one filed at the same instant. An instant
   * before the epoch is filed at the epoch, since the keys' order holds for positive numbers only.
   */
  public void put(KeyValueStore<Bytes, byte[]> store, String key, V view, long validFrom) {
    store.put(OrderedKey.of(key, Math.max(0, validFrom)), serde.serializer().serialize(null, view));
  }

  /** The version valid at an instant, in epoch milliseconds: the last one filed up to it. */
  public Optional<Version<V>> asOf(
      ReadOnlyKeyValueStore<Bytes, byte[]> store, String key, long at) {
    if (at < 0) {
      return Optional.empty();
    }
    try (KeyValueIterator<Bytes, byte[]> versions =
        store.reverseRange(OrderedKey.of(key, 0), OrderedKey.of(key, at))) {
      if (!versions.hasNext()) {
        return Optional.empty();
      }
      KeyValue<Bytes, byte[]> found = versions.next();
      return Optional.of(
          new Version<>(
              serde.deserializer().deserialize(null, found.value), OrderedKey.number(found.key)));
    }
  }

  /** The latest version, if any. */
  public Optional<Version<V>> latest(ReadOnlyKeyValueStore<Bytes, byte[]> store, String key) {
    return asOf(store, key, Long.MAX_VALUE);
  }
}
