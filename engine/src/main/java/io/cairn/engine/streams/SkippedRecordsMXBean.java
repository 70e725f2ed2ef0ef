package io.cairn.engine.streams;

import java.util.Map;

/** The records a Cairn application passed over, as JMX sees them. */
public interface SkippedRecordsMXBean {
  /** Records passed over, for any reason. */
  long getRecords();

  /** Records passed over, by {@code topic/type} ({@code topic/unreadable} for unreadable ones). */
  Map<String, Long> getByTopicAndType();
}
