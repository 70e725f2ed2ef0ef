package io.cairn.analytics.changes;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How far a reader of a report's changes has got: the next offset of each partition of the report's
 * changelog. Its text, {@code 0:12,1:40,...}, is the id of each event of a stream, which a client
 * sends back as {@code Last-Event-ID} to resume where it stopped.
 *
 * @param next the next offset to read of each partition
 */
public record FeedPosition(Map<Integer, Long> next) {
  private static final Pattern TEXT =
      Pattern.compile("\\d{1,5}:\\d{1,19}(,\\d{1,5}:\\d{1,19}){0,999}");

  /** Copies the offsets, in partition order. */
  public FeedPosition {
    next = Collections.unmodifiableMap(new TreeMap<>(next));
  }

  /** A position read from its text; empty when the text is not one. */
  public static Optional<FeedPosition> parse(String text) {
    if (text == null || !TEXT.matcher(text).matches()) {
      return Optional.empty();
    }
    Map<Integer, Long> next = new TreeMap<>();
    for (String part : text.split(",")) {
      String[] partitionAndOffset = part.split(":");
      try {
        next.put(Integer.parseInt(partitionAndOffset[0]), Long.parseLong(partitionAndOffset[1]));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.of(new FeedPosition(next));
  }

  /** The next offset of a partition; 0, its start, when the position does not name it. */
  public long of(int partition) {
    return next.getOrDefault(partition, 0L);
  }

  /** This position after a change was read. */
  public FeedPosition after(WindowChange change) {
    Map<Integer, Long> moved = new TreeMap<>(next);
    moved.put(change.partition(), change.offset() + 1);
    return new FeedPosition(moved);
  }

  /** Whether a change is after this position, not yet read. */
  public boolean precedes(WindowChange change) {
    return change.offset() >= of(change.partition());
  }

  /** The position as text, the id of a stream's event. */
  public String text() {
    return next.entrySet().stream()
        .map(entry -> entry.getKey() + ":" + entry.getValue())
        .collect(Collectors.joining(","));
  }
}
