package io.cairn.engine.deadletters;

import java.util.Map;

/** The dead-letter queue's counts over JMX, as {@code io.cairn:type=dead-letters}. */
public interface DeadLetterQueueMXBean {

  /** How many entries the queue holds, by reason. */
  Map<String, Long> getEntriesByReason();

  /** How many entries the queue holds. */
  long getEntries();
}
