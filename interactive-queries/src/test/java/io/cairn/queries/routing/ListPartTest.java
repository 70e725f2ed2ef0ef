package io.cairn.queries.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.queries.http.Cursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Merging the parts of a list that instances answer for into one page. */
class ListPartTest {

  @Test
  void shouldMergePartsInKeyOrderUpToTheLimit() {
    ListPart one = part(List.of("a", "c", "e"), "e", true);
    ListPart two = part(List.of("b", "d"), "d", false);

    Page page = ListPart.merge(List.of(one, two), 3);

    assertThat(page.items()).containsExactly("a", "b", "c");
    assertThat(Cursor.position(page.nextCursor())).contains("c");
  }

  @Test
  void shouldEndThePageWhereAPartStoppedLookingSoNothingIsSkipped() {
    // The first part scanned up to "m" only (its scan limit), finding nothing on the list.
    ListPart stopped = part(List.of(), "m", true);
    ListPart done = part(List.of("b", "x", "y"), "y", false);

    Page first = ListPart.merge(List.of(stopped, done), 10);

    assertThat(first.items()).containsExactly("b");
    assertThat(Cursor.position(first.nextCursor())).contains("m");
  }

  @Test
  void shouldHaveNoCursorOnTheLastPage() {
    Page page =
        ListPart.merge(List.of(part(List.of("a"), "a", false), part(List.of(), null, false)), 5);

    assertThat(page.items()).containsExactly("a");
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void shouldPageThroughEveryEntryExactlyOnce() {
    List<String> left = List.of("a", "d", "g", "j");
    List<String> right = List.of("b", "c", "h", "k", "l");
    List<String> seen = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      Page page = ListPart.merge(List.of(scan(left, after, 2), scan(right, after, 2)), 2);
      page.items().forEach(item -> seen.add((String) item));
      after = page.nextCursor() == null ? null : Cursor.position(page.nextCursor());
    } while (after != null);

    assertThat(seen).containsExactly("a", "b", "c", "d", "g", "h", "j", "k", "l");
  }

  /** A part as an instance would answer it: its first entries after a key, up to a limit. */
  private static ListPart scan(List<String> keys, Optional<String> after, int limit) {
    List<String> from =
        keys.stream().filter(k -> after.isEmpty() || k.compareTo(after.get()) > 0).toList();
    List<String> taken = from.stream().limit(limit).toList();
    return part(taken, taken.isEmpty() ? null : taken.getLast(), from.size() > taken.size());
  }

  private static ListPart part(List<String> keys, String last, boolean more) {
    return new ListPart(keys.stream().map(k -> new ListPart.Entry(k, k)).toList(), last, more);
  }
}
