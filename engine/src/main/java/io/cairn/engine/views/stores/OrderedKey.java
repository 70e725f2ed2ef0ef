package io.cairn.engine.views.stores;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;

/**
 * The key of one of an id's entries in a store ordered by a number: the id, a zero byte, then the
 * number as eight big-endian bytes. The history stores number an aggregate's events by version, the
 * versions stores a view's versions by the instant each is valid from. RocksDB orders keys by their
 * bytes, so one id's entries lie together in that order: a page of them is one range scan, and the
 * last one up to a number is one reverse seek. Ids never hold a zero byte (the command API allows
 * only {@code [A-Za-z0-9._:-]}), so one id's range never reaches into another's. Numbers must not
 * be negative, which would sort after every positive one.
 */
public final class OrderedKey {
  private OrderedKey() {}

  /** The key of an id's entry at a number. */
  public static Bytes of(String id, long number) {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(
        ByteBuffer.allocate(bytes.length + 1 + Long.BYTES)
            .put(bytes)
            .put((byte) 0)
            .putLong(number)
            .array());
  }

  /** The number a key ends with. */
  public static long number(Bytes key) {
    byte[] bytes = key.get();
    return ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong();
  }

  /** Whether two keys belong to the same id. */
  public static boolean sameId(Bytes a, Bytes b) {
    byte[] x = a.get();
    byte[] y = b.get();
    return x.length == y.length
        && Arrays.equals(x, 0, x.length - Long.BYTES, y, 0, y.length - Long.BYTES);
  }
}
