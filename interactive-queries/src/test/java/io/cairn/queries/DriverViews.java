package io.cairn.queries;

import io.cairn.engine.testing.TopologyDriver;
import io.cairn.kafka.stores.Store;
import io.cairn.queries.stores.ViewsAccess;
import java.util.Set;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The views of a topology under TopologyTestDriver, as one instance holding their only partition
 * sees them: the stores are the driver's RocksDB stores, folded by the same topology the app runs.
 */
final class DriverViews implements ViewsAccess {
  private final TopologyDriver driver;
  private final HostInfo self;

  DriverViews(TopologyDriver driver, HostInfo self) {
    this.driver = driver;
    this.self = self;
  }

  @Override
  public <K, V> ReadOnlyKeyValueStore<K, V> partition(
      Store<K, V> store, int partition, boolean stale) {
    return driver.store(store);
  }

  @Override
  public KeyQueryMetadata where(Store<?, ?> store, int partition) {
    return new KeyQueryMetadata(self, Set.of(), partition);
  }

  @Override
  public Long lag(Store<?, ?> store, int partition) {
    return null;
  }

  @Override
  public String state() {
    return "RUNNING";
  }
}
