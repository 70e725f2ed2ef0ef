package io.cairn.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Merging the parts of a list that instances answer for into one page. */
class PartialTest {

  @Test
  void shouldMergePartsInKeyOrderUpToTheLimit() {
    Partial one = part(List.of("a", "c", "e"), "e", true);
    Partial two = part(List.of("b", "d"), "d", false);

    ListQueries.Page page = Partial.merge(List.of(one, two), 3);

    assertThat(page.items()).containsExactly("a", "b", "c");
    assertThat(Cursor.position(page.nextCursor())).contains("c");
  }

  @Test
  void shouldEndThePageWhereAPartStoppedLookingSoNothingIsSkipped() {
    // The first part scanned up to "m" only (its scan limit), finding nothing on the list.
    Partial stopped = part(List.of(), "m", true);
    Partial done = part(List.of("b", "x", "y"), "y", false);

    ListQueries.Page first = Partial.merge(List.of(stopped, done), 10);

    assertThat(first.items()).containsExactly("b");
    assertThat(Cursor.position(first.nextCursor())).contains("m");
  }

  @Test
  void shouldHaveNoCursorOnTheLastPage() {
    ListQueries.Page page =
        Partial.merge(List.of(part(List.of("a"), "a", false), part(List.of(), null, false)), 5);

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
      ListQueries.Page page =
          Partial.merge(List.of(scan(left, after, 2), scan(right, after, 2)), 2);
      page.items().forEach(item -> seen.add((String) item));
      after = page.nextCursor() == null ? null : Cursor.position(page.nextCursor());
    } while (after != null);

    assertThat(seen).containsExactly("a", "b", "c", "d", "g", "h", "j", "k", "l");
  }

  /** A part as an instance would answer it: its first entries after a key, up to a limit. */
  private static Partial scan(List<String> keys, Optional<String> after, int limit) {
    List<String> from =
        keys.stream().filter(k -> after.isEmpty() || k.compareTo(after.get()) > 0).toList();
    List<String> taken = from.stream().limit(limit).toList();
    return part(taken, taken.isEmpty() ? null : taken.getLast(), from.size() > taken.size());
  }

  private static Partial part(List<String> keys, String last, boolean more) {
    return new Partial(keys.stream().map(k -> new Partial.Entry(k, k)).toList(), last, more);
  }
}
