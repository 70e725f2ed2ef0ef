package io.cairn.engine.sync;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The sync of each view and process manager as a JMX MBean ({@code
 * io.cairn:type=sync,kind=view,name=orders}), registered when first read, for whatever scrapes JMX.
 */
final class SyncMetrics implements AutoCloseable {
  private final SyncMonitor monitor;
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final Map<String, ObjectName> names = new ConcurrentHashMap<>();

  SyncMetrics(SyncMonitor monitor) {
    this.monitor = monitor;
  }

  /**
   * Registers the reading's MBean, once; one left by an earlier instance in the JVM is replaced.
   */
  void watch(SyncReading reading) {
    names.computeIfAbsent(reading.key(), key -> register(reading));
  }

  private ObjectName register(SyncReading reading) {
    try {
      ObjectName name =
          new ObjectName("io.cairn:type=sync,kind=" + reading.kind() + ",name=" + reading.name());
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
      server.registerMBean(new Sync(monitor, reading.key()), name);
      return name;
    } catch (JMException e) {
      throw new IllegalStateException("cannot register the sync metrics of " + reading.key(), e);
    }
  }

  @Override
  public void close() {
    for (ObjectName name : names.values()) {
      try {
        if (server.isRegistered(name)) {
          server.unregisterMBean(name);
        }
      } catch (JMException e) {
        throw new IllegalStateException("cannot unregister " + name, e);
      }
    }
  }

  /** A view's or process manager's sync, as JMX sees it. */
  public interface SyncMXBean {
    /** How far behind the event log it was at the latest check, in milliseconds. */
    long getLagMs();

    /** Whether it is stopped or further behind than the alert threshold. */
    boolean isAlerting();
  }

  private record Sync(SyncMonitor monitor, String key) implements SyncMXBean {
    @Override
    public long getLagMs() {
      return monitor.lags().getOrDefault(key, Duration.ZERO).toMillis();
    }

    @Override
    public boolean isAlerting() {
      return monitor.alerting(key);
    }
  }
}
