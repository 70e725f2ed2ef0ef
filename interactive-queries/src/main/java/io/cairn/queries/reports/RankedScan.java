package io.cairn.queries.reports;

import io.cairn.analytics.ReportStores;
import io.cairn.core.report.Ranking;
import io.cairn.core.report.Report;
import io.cairn.queries.routing.ListPart;
import io.cairn.queries.routing.OrderedScan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads a ranked report's windows in time order and ranks the keys of each, keeping the first few.
 * A window's keys are one range of one partition's store, so each window is ranked whole where it
 * is kept. Entries are listed under {@code <start>\u0000<rank>}, which orders the page and is what
 * a cursor resumes after.
 */
final class RankedScan {
  private static final String PAST_LAST_RANK = "999";

  private RankedScan() {}

  /**
   * The part of a page these partitions hold.
   *
   * @param show a window's ranked key as clients see it, by its rank
   */
  static <A> ListPart part(
      Map<Integer, ReadOnlyKeyValueStore<String, A>> stores,
      Report<?, A> report,
      ReportParams params,
      BiFunction<Integer, KeyValue<String, A>, Object> show) {
    Ranking<A> ranking = report.ranking().orElseThrow();
    String resumeAfter = params.after().orElse(null);
    String from =
        resumeAfter == null
            ? ReportStores.instant(params.from())
            : resumeAfter.substring(0, resumeAfter.indexOf(ReportStores.SEPARATOR));
    String to = ReportStores.instant(params.to().minusMillis(1)) + '\uffff';
    List<KeyValueIterator<String, A>> ranges = new ArrayList<>();
    try {
      stores.values().forEach(store -> ranges.add(store.range(from, to)));
      KeyValueIterator<String, A> entries = OrderedScan.merged(ranges);
      List<ListPart.Entry> items = new ArrayList<>();
      String last = null;
      int scanned = 0;
      while (entries.hasNext()
          && items.size() < params.limit()
          && scanned < OrderedScan.SCAN_LIMIT) {
        List<KeyValue<String, A>> window = nextWindow(entries);
        scanned += window.size();
        String start = window.getFirst().key.substring(0, from.length());
        last = start + ReportStores.SEPARATOR + PAST_LAST_RANK;
        List<KeyValue<String, A>> ranked = ranked(window, ranking);
        for (int rank = 1; rank <= ranked.size(); rank++) {
          String entryKey = start + ReportStores.SEPARATOR + "%03d".formatted(rank);
          Object item = show.apply(rank, ranked.get(rank - 1));
          if (item != null && (resumeAfter == null || entryKey.compareTo(resumeAfter) > 0)) {
            items.add(new ListPart.Entry(entryKey, item));
          }
        }
      }
      return new ListPart(items, last, entries.hasNext());
    } finally {
      ranges.forEach(KeyValueIterator::close);
    }
  }

  private static <A> List<KeyValue<String, A>> nextWindow(KeyValueIterator<String, A> entries) {
    List<KeyValue<String, A>> window = new ArrayList<>();
    window.add(entries.next());
    String start = startOf(window.getFirst().key);
    while (entries.hasNext() && startOf(entries.peekNextKey()).equals(start)) {
      window.add(entries.next());
    }
    return window;
  }

  private static String startOf(String slot) {
    return slot.substring(0, slot.indexOf(ReportStores.SEPARATOR));
  }

  private static <A> List<KeyValue<String, A>> ranked(
      List<KeyValue<String, A>> window, Ranking<A> ranking) {
    Comparator<KeyValue<String, A>> order =
        Comparator.<KeyValue<String, A>, A>comparing(entry -> entry.value, ranking.order())
            .thenComparing(entry -> entry.key);
    return window.stream().sorted(order).limit(ranking.top()).toList();
  }
}
