package io.cairn.kafka.topics;

import java.util.List;

/**
 * Topics on the cluster differ from their declarations in a way Cairn must not paper over: a
 * partition count (keys would land on other partitions than the state stores expect) or a cleanup
 * policy (compaction erases an event log's history).
 */
public final class TopicMismatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One line per mismatch. */
  private final List<String> mismatches;

  /** Builds the exception from one sentence per mismatching topic. */
  public TopicMismatchException(List<String> mismatches) {
    super(
        "existing topics differ from Cairn's declarations:\n  - "
            + String.join("\n  - ", mismatches)
            + "\nCairn will not use them as they are. Recreate the topics (the data is lost), point"
            + " Cairn at another cluster, or change the configuration to match them.");
    this.mismatches = List.copyOf(mismatches);
  }

  /** One sentence per mismatching topic. */
  public List<String> mismatches() {
    return mismatches;
  }
}
