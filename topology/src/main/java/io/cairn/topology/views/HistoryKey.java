package io.cairn.topology.views;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * The key of an event in a history store: the aggregate id, a zero byte, then the version as eight
 * big-endian bytes. RocksDB orders keys by their bytes, so one aggregate's events lie together in
 * version order and a page of them is one range scan. Ids never hold a zero byte (the command API
 * allows only {@code [A-Za-z0-9._:-]}), so one id's range never reaches into another's.
 */
public final class HistoryKey {
  private HistoryKey() {}

  /** The key of an aggregate's event at a version. */
  public static Bytes of(String aggregateId, long version) {
    byte[] id = aggregateId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(
        ByteBuffer.allocate(id.length + 1 + Long.BYTES)
            .put(id)
            .put((byte) 0)
            .putLong(version)
            .array());
  }

  /** The version a key names. */
  public static long version(Bytes key) {
    byte[] bytes = key.get();
    return ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong();
  }
}
