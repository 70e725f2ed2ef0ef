package io.cairn.engine.deadletters;

import io.cairn.engine.streams.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * What this instance knows of the dead-letter queue, read from its topic: the newest entries, up to
 * a bound, and the count of every entry by reason. A retry's marker record marks its entry retried
 * rather than adding one. Entries are ordered newest first by the time they were queued, then by
 * id.
 */
final class DeadLetterIndex {
  /** The header of a marker record: the id of the entry it says was retried. */
  static final String RETRIED = DeadLetter.PREFIX + "retried";

  private final int kept;
  private final NavigableMap<Position, DeadLetterEntry> entries = new ConcurrentSkipListMap<>();
  private final Map<String, Position> byId = new ConcurrentHashMap<>();
  private final Map<String, Long> counts = new ConcurrentHashMap<>();

  /** Where an entry is on the list: newest first, then by id. */
  record Position(Instant at, String id) implements Comparable<Position> {
    private static final Comparator<Position> ORDER =
        Comparator.comparing(Position::at).reversed().thenComparing(Position::id);

    @Override
    public int compareTo(Position other) {
      return ORDER.compare(this, other);
    }
  }

  DeadLetterIndex(int kept) {
    this.kept = kept;
  }

  void add(ConsumerRecord<byte[], byte[]> record) {
    Headers headers = record.headers();
    String retried = text(headers, RETRIED);
    if (retried != null) {
      Position position = byId.get(retried);
      Instant when = Instant.parse(text(headers, DeadLetter.TIME));
      if (position != null) {
        entries.computeIfPresent(position, (p, entry) -> entry.retried(when));
      }
      return;
    }
    DeadLetterEntry entry = entry(record);
    counts.merge(entry.reason(), 1L, Long::sum);
    Position position = new Position(entry.at(), entry.id());
    entries.put(position, entry);
    byId.put(entry.id(), position);
    while (entries.size() > kept) {
      var oldest = entries.pollLastEntry();
      byId.remove(oldest.getValue().id());
    }
  }

  /** A page of entries, newest first, after the given position. */
  List<DeadLetterEntry> page(Optional<Position> after, int limit) {
    NavigableMap<Position, DeadLetterEntry> from =
        after.map(p -> entries.tailMap(p, false)).orElse(entries);
    return from.values().stream().limit(limit).toList();
  }

  /** Marks an entry retried, as its marker record will when it is read. */
  void markRetried(String id, Instant when) {
    Position position = byId.get(id);
    if (position != null) {
      entries.computeIfPresent(position, (p, entry) -> entry.retried(when));
    }
  }

  Optional<DeadLetterEntry> find(String id) {
    Position position = byId.get(id);
    return position == null ? Optional.empty() : Optional.ofNullable(entries.get(position));
  }

  Optional<Position> position(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** How many entries the queue holds, by reason, counting those no longer kept here. */
  Map<String, Long> counts() {
    return new TreeMap<>(counts);
  }

  private static DeadLetterEntry entry(ConsumerRecord<byte[], byte[]> record) {
    Headers headers = record.headers();
    String topic = orElse(text(headers, DeadLetter.TOPIC), "(unknown)");
    String time = text(headers, DeadLetter.TIME);
    return new DeadLetterEntry(
        record.partition() + "-" + record.offset(),
        topic,
        (int) number(text(headers, DeadLetter.PARTITION)),
        number(text(headers, DeadLetter.OFFSET)),
        orElse(text(headers, DeadLetter.APPLICATION), "(unknown)"),
        orElse(text(headers, DeadLetter.REASON), "unknown"),
        text(headers, DeadLetter.EXCEPTION),
        text(headers, DeadLetter.MESSAGE),
        time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time),
        record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
        retryable(topic),
        null);
  }

  /** Whether a record of this topic may be put back on it. */
  static boolean retryable(String topic) {
    return !topic.endsWith(".events") && !topic.startsWith("(");
  }

  private static long number(String text) {
    try {
      return text == null ? -1 : Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String orElse(String text, String fallback) {
    return text == null ? fallback : text;
  }

  static String text(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  static List<Header> originalHeaders(Headers headers) {
    List<Header> kept = new ArrayList<>();
    for (Header header : headers) {
      if (!header.key().startsWith(DeadLetter.PREFIX)) {
        kept.add(header);
      }
    }
    return kept;
  }
}
