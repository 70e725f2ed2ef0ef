package io.cairn.engine.streams;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records a Kafka Streams application of this process read but could not process, counted by
 * topic and reason: a type its schema does not have (written by newer code during a rolling
 * upgrade), bytes no schema reads, or a record whose processing threw. The records stay in their
 * topics, and a copy of each is in the dead-letter queue; these counts and the log say they were
 * passed over. Also a JMX MBean, {@code io.cairn:type=skipped,application=<id>}.
 */
public final class SkippedRecords implements SkippedRecordsMXBean, AutoCloseable {
  /** The Streams configuration key under which the application's handler finds its counts. */
  public static final String CONFIG = "cairn.skipped.records";

  /** Why a record was passed over. */
  public enum Reason {
    /** Its type is one this code does not know. */
    UNKNOWN_TYPE,
    /** Its bytes are not a record of any schema. */
    UNREADABLE,
    /** Processing it threw. */
    FAILED,
    /** A processor refused it, rightly, such as an event of a type no mapping takes. */
    REFUSED
  }

  /**
   * How many records of one topic were passed over for one reason.
   *
   * @param topic the topic
   * @param reason why
   * @param type the unknown type's simple name, or the reason a record was refused; null when the
   *     record was unreadable or failed
   * @param records how many
   */
  public record Count(String topic, Reason reason, String type, long records) {}

  private record Key(String topic, Reason reason, String type) {}

  private static final Logger log = LoggerFactory.getLogger(SkippedRecords.class);

  private final String application;
  private final ConcurrentMap<Key, LongAdder> counts = new ConcurrentHashMap<>();
  private final ObjectName name;

  private SkippedRecords(String application, ObjectName name) {
    this.application = application;
    this.name = name;
  }

  /** Counts for one application, registered with JMX; closing unregisters them. */
  public static SkippedRecords register(String application) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      ObjectName name = new ObjectName("io.cairn:type=skipped,application=" + application);
      SkippedRecords skipped = new SkippedRecords(application, name);
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
      server.registerMBean(skipped, name);
      return skipped;
    } catch (JMException e) {
      throw new IllegalStateException("cannot register the skipped records of " + application, e);
    }
  }

  /** Notes a record of a type this code does not know; the first of each type is logged. */
  void unknownType(String topic, String type, int schemaId) {
    if (count(new Key(topic, Reason.UNKNOWN_TYPE, type)) == 1) {
      log.warn(
          "{} passes over records of type {} on {} (schema id {}): newer code wrote them, and this"
              + " instance's schema lacks the type. They are counted; this is logged once per type.",
          application,
          type,
          topic,
          schemaId);
    }
  }

  /** Notes a record no schema reads; each is logged with where it is. */
  void unreadable(String topic, int partition, long offset, Exception cause) {
    count(new Key(topic, Reason.UNREADABLE, null));
    log.warn(
        "{} passes over an unreadable record at {}-{} offset {}: {}",
        application,
        topic,
        partition,
        offset,
        cause.getMessage());
  }

  /** Notes a record whose processing threw; each is logged with where it is and what. */
  void failed(String topic, int partition, long offset, String processor, Exception cause) {
    count(new Key(topic, Reason.FAILED, null));
    log.error(
        "{} passes over a record at {}-{} offset {} that {} failed on; it is in the dead-letter"
            + " queue",
        application,
        topic,
        partition,
        offset,
        processor,
        cause);
  }

  /** Notes a record a processor refused, with the reason it gave; each is logged at WARN. */
  void refused(String topic, RefusedRecord refused) {
    count(new Key(topic, Reason.REFUSED, refused.reason()));
    log.warn(
        "{} refuses a record of {} ({}): {}; it is in the dead-letter queue",
        application,
        topic,
        refused.reason(),
        refused.getMessage());
  }

  /** The application whose records these are. */
  public String application() {
    return application;
  }

  private long count(Key key) {
    LongAdder adder = counts.computeIfAbsent(key, k -> new LongAdder());
    adder.increment();
    return adder.sum();
  }

  /** Every count, by topic, reason and type. */
  public List<Count> all() {
    return counts.entrySet().stream()
        .map(
            e ->
                new Count(
                    e.getKey().topic(), e.getKey().reason(), e.getKey().type(), e.getValue().sum()))
        .sorted(
            Comparator.comparing(Count::topic)
                .thenComparing(Count::reason)
                .thenComparing(c -> String.valueOf(c.type())))
        .toList();
  }

  /** Records passed over on any of these topics. */
  public long on(Set<String> topics) {
    return all().stream().filter(c -> topics.contains(c.topic())).mapToLong(Count::records).sum();
  }

  @Override
  public long getRecords() {
    return all().stream().mapToLong(Count::records).sum();
  }

  @Override
  public Map<String, Long> getByTopicAndType() {
    Map<String, Long> byKey = new TreeMap<>();
    for (Count count : all()) {
      String type = count.type() == null ? count.reason().name().toLowerCase() : count.type();
      byKey.merge(count.topic() + "/" + type, count.records(), Long::sum);
    }
    return byKey;
  }

  @Override
  public void close() {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
    } catch (JMException e) {
      throw new IllegalStateException("cannot unregister " + name, e);
    }
  }
}
