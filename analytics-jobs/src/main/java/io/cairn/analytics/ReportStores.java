package io.cairn.analytics;

import io.cairn.core.report.Report;
import io.cairn.engine.views.stores.JsonSerde;
import io.cairn.engine.views.stores.ViewJson;
import io.cairn.kafka.stores.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stores of each report. Its windows are one entry per key and window: {@code
 * <key>\u0000<start>} so that one key's windows are one range in time order, or, for a ranked
 * report, {@code <start>\u0000<key>} so that one window's keys are one range to rank; the start is
 * in milliseconds on thirteen digits. A ranked report's deltas go to the task of their window, the
 * others' to the task of their key. A tracking source keeps each aggregate's memory, and the times
 * idle ones end.
 */
public final class ReportStores {
  /** Ends a key in a store key; ids never hold it. */
  public static final char SEPARATOR = '\u0000';

  private ReportStores() {}

  /** A report's store of windows. */
  public static <A> Store<String, A> windows(Report<?, A> report) {
    return new Store<>("report-" + report.name(), Serdes.String(), JsonSerde.of(report.windows()));
  }

  /** Where a key's window that starts at an instant is kept. */
  public static String slot(Report<?, ?> report, String key, Instant start) {
    String at = instant(start);
    return report.ranking().isPresent() ? at + SEPARATOR + key : key + SEPARATOR + at;
  }

  /** The key a delta to a key's window is partitioned by. */
  static String partitionKey(Report<?, ?> report, String key, Instant start) {
    return report.ranking().isPresent() ? instant(start) : key;
  }

  /** The key of a store key. */
  public static String keyOf(Report<?, ?> report, String slot) {
    int separator = slot.indexOf(SEPARATOR);
    return report.ranking().isPresent()
        ? slot.substring(separator + 1)
        : slot.substring(0, separator);
  }

  /** The window start of a store key. */
  public static Instant startOf(Report<?, ?> report, String slot) {
    int separator = slot.indexOf(SEPARATOR);
    String at =
        report.ranking().isPresent() ? slot.substring(0, separator) : slot.substring(separator + 1);
    return Instant.ofEpochMilli(Long.parseLong(at));
  }

  /** An instant as store keys hold it: milliseconds since the epoch on thirteen digits. */
  public static String instant(Instant at) {
    return "%013d".formatted(at.toEpochMilli());
  }

  /**
   * The windows of a report still to be published, by when they close: {@code
   * <closes>\u0000<slot>}.
   */
  static Store<String, String> closing(Report<?, ?> report) {
    return new Store<>("report-" + report.name() + "-closing", Serdes.String(), Serdes.String());
  }

  /** Where a window that closes at an instant waits to be published. */
  static String closingKey(Instant closes, String slot) {
    return instant(closes) + SEPARATOR + slot;
  }

  /**
   * The entries of a store of things due at instants, keyed {@code <instant>\u0000...}, that are
   * due at or before a time, earliest first; read out before any is changed.
   */
  static List<KeyValue<String, String>> dueBy(KeyValueStore<String, String> due, long time) {
    List<KeyValue<String, String>> entries = new ArrayList<>();
    try (KeyValueIterator<String, String> range =
        due.range(null, instant(Instant.ofEpochMilli(time)) + '\uffff')) {
      range.forEachRemaining(entries::add);
    }
    return entries;
  }

  /** When an entry of a store of things due at instants is due, in milliseconds. */
  static long dueAt(String key) {
    return Long.parseLong(key.substring(0, key.indexOf(SEPARATOR)));
  }

  /** What a report remembers of each aggregate of a tracked type, by the aggregate's id. */
  static Store<String, Memory<Object>> memories(Report<?, ?> report, String type, Class<?> memory) {
    return new Store<>(
        "report-" + report.name() + "-memory-" + type,
        Serdes.String(),
        JsonSerde.of(
            ViewJson.MAPPER.getTypeFactory().constructParametricType(Memory.class, memory),
            "memory of " + report.name()));
  }

  /**
   * When each remembered aggregate of a tracked type ends for idleness: {@code <end>\u0000<id>}.
   */
  static Store<String, String> idleEnds(Report<?, ?> report, String type) {
    return new Store<>(
        "report-" + report.name() + "-idle-" + type, Serdes.String(), Serdes.String());
  }

  /**
   * What a report remembers of one aggregate.
   *
   * @param memory the tracking's memory
   * @param lastAt when its latest event happened, in milliseconds
   * @param <M> the tracking's memory
   */
  public record Memory<M>(M memory, long lastAt) {}
}
