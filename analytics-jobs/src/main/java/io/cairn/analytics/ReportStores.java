package io.cairn.analytics;

import io.cairn.core.report.Report;
import io.cairn.engine.views.stores.JsonSerde;
import io.cairn.kafka.stores.Store;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The store of each report: one entry per key and window, {@code <key>\u0000<window start>}, the
 * start in milliseconds on thirteen digits, so that one key's windows are one range in time order.
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
  public static String slot(String key, Instant start) {
    return key + SEPARATOR + "%013d".formatted(start.toEpochMilli());
  }

  /** The key of a store key. */
  public static String keyOf(String slot) {
    return slot.substring(0, slot.indexOf(SEPARATOR));
  }

  /** The window start of a store key. */
  public static Instant startOf(String slot) {
    return Instant.ofEpochMilli(Long.parseLong(slot.substring(slot.indexOf(SEPARATOR) + 1)));
  }
}
