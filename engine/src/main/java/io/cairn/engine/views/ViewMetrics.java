package io.cairn.engine.views;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The views' lag as JMX metrics, one MBean per view ({@code io.cairn:type=views,view=<name>}), with
 * the numbers {@code /api/v1/views/status} shows, for whatever scrapes JMX (a Prometheus JMX
 * exporter, JConsole).
 */
final class ViewMetrics implements AutoCloseable {
  private final MBeanServer server;
  private final List<ObjectName> names;

  private ViewMetrics(MBeanServer server, List<ObjectName> names) {
    this.server = server;
    this.names = names;
  }

  /** Registers one MBean per view; a name left by an earlier instance in this JVM is replaced. */
  static ViewMetrics register(ViewStatus status) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    List<ObjectName> names = new ArrayList<>();
    try {
      for (String view : status.names()) {
        ObjectName name = new ObjectName("io.cairn:type=views,view=" + view);
        if (server.isRegistered(name)) {
          server.unregisterMBean(name);
        }
        server.registerMBean(new Lag(status, view), name);
        names.add(name);
      }
    } catch (JMException e) {
      throw new IllegalStateException("cannot register the views' metrics", e);
    }
    return new ViewMetrics(server, names);
  }

  @Override
  public void close() {
    for (ObjectName name : names) {
      try {
        if (server.isRegistered(name)) {
          server.unregisterMBean(name);
        }
      } catch (JMException e) {
        throw new IllegalStateException("cannot unregister " + name, e);
      }
    }
  }

  /** A view's lag, as JMX sees it. */
  public interface ViewLagMXBean {
    /** Events folded in the last minute. */
    long getEvents();

    /** Median end-to-end lag over the last minute, in milliseconds. */
    long getP50Ms();

    /** 99th-percentile end-to-end lag over the last minute, in milliseconds. */
    long getP99Ms();

    /** Records the view's consumers have yet to read. */
    long getConsumerLagRecords();
  }

  private record Lag(ViewStatus status, String view) implements ViewLagMXBean {
    @Override
    public long getEvents() {
      return status.of(view).endToEndLag().events();
    }

    @Override
    public long getP50Ms() {
      return status.of(view).endToEndLag().p50Ms();
    }

    @Override
    public long getP99Ms() {
      return status.of(view).endToEndLag().p99Ms();
    }

    @Override
    public long getConsumerLagRecords() {
      return status.of(view).consumerLagRecords();
    }
  }
}
