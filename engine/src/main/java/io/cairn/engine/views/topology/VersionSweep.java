package io.cairn.engine.views.topology;

import io.cairn.engine.views.stores.OrderedKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Drops the past versions of a view that its retention no longer needs: a version replaced before
 * the cut-off (now minus retention) is seen by no query the retention allows. The one valid at the
 * cut-off stays, however old, as does every view's latest.
 *
 * <p>It walks the store a slice at a time, from where the last slice stopped, so that no pass holds
 * the stream thread long. A slice looks at twice as many entries as were filed since the last one,
 * and at least a minimum ({@link #MIN_SLICE} by default), so the walk keeps pace with the writes:
 * entries pile up to about twice what the retention holds, never without bound.
 */
final class VersionSweep {
  /**
   * The fewest entries a slice looks at: an idle store is still walked, slowly, at a cost of next
   * to nothing.
   */
  static final int MIN_SLICE = 100;

  private final KeyValueStore<Bytes, byte[]> store;
  private final Duration retention;
  private final int minSlice;
  private Bytes resumeAt;
  private long filedSince;

  VersionSweep(KeyValueStore<Bytes, byte[]> store, Duration retention, int minSlice) {
    this.store = store;
    this.retention = retention;
    this.minSlice = minSlice;
  }

  /** Counts a version filed, which a later slice must look at. */
  void filed() {
    filedSince++;
  }

  /**
   * Sweeps one slice.
   *
   * @param now the current time on the views' clock, in epoch milliseconds
   * @return how many versions were dropped
   */
  int slice(long now) {
    long cutoff = now - retention.toMillis();
    long budget = Math.max(minSlice, 2 * filedSince);
    filedSince = 0;
    List<Bytes> dropped = new ArrayList<>();
    Bytes previous = null;
    long seen = 0;
    try (KeyValueIterator<Bytes, byte[]> entries = store.range(resumeAt, null)) {
      while (seen < budget && entries.hasNext()) {
        Bytes key = entries.next().key;
        seen++;
        // The previous version ended when this one began: before the cut-off, nobody can see it.
        if (previous != null
            && OrderedKey.sameId(previous, key)
            && OrderedKey.number(key) <= cutoff) {
          dropped.add(previous);
        }
        previous = key;
      }
      // Resume at the last key looked at, which is the previous of the next slice's first.
      resumeAt = entries.hasNext() ? previous : null;
    }
    dropped.forEach(store::delete);
    return dropped.size();
  }
}
