package io.cairn.queries.routing;

import io.cairn.queries.http.Cursor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What some partitions hold of a page of a list, in key order, and how far their scan went: the
 * part of a list one instance answers for. Parts from every instance merge into the page.
 *
 * @param entries the entries on the list, at most a page of them
 * @param last the key of the last entry looked at, on the list or not; null when none was
 * @param more whether entries after {@code last} are still to be looked at
 */
public record ListPart(List<Entry> entries, String last, boolean more) {

  /**
   * An entry on the list.
   *
   * @param key its key, which orders the list
   * @param item what clients are shown of it
   */
  public record Entry(String key, Object item) {}

  /**
   * The page the parts make together. A part that stopped short (at its limit, or at the scan
   * limit) has looked at nothing after its last key, so the page must end there too: it holds the
   * entries up to the earliest such key, and its cursor resumes after what it shows.
   */
  public static Page merge(List<ListPart> parts, int limit) {
    String bound =
        parts.stream()
            .filter(ListPart::more)
            .map(ListPart::last)
            .min(Comparator.naturalOrder())
            .orElse(null);
    List<Entry> merged = new ArrayList<>();
    parts.forEach(part -> merged.addAll(part.entries()));
    merged.sort(Comparator.comparing(Entry::key));
    List<Entry> shown =
        merged.stream()
            .filter(entry -> bound == null || entry.key().compareTo(bound) <= 0)
            .limit(limit)
            .toList();
    String next;
    if (shown.size() == limit) {
      boolean beyond = merged.size() > shown.size() || bound != null;
      next = beyond ? shown.getLast().key() : null;
    } else {
      next = bound;
    }
    return new Page(
        shown.stream().map(Entry::item).toList(), next == null ? null : Cursor.of(next));
  }
}
