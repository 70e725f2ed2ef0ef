package io.cairn.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility}. BACKWARD
 * means the new schema reads data written with the old; FORWARD, the old reads the new; FULL, both.
 * The plain levels compare with the latest version, the _TRANSITIVE ones with every version.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /**
   * Checks a candidate against the existing versions of a subject, oldest first.
   *
   * @return one message per incompatibility; empty when the candidate is compatible
   */
  public List<String> violations(Schema candidate, List<Schema> existing) {
    List<String> messages = new ArrayList<>();
    if (existing.isEmpty()) {
      return messages;
    }
    List<Schema> compared = transitive ? existing : List.of(existing.getLast());
    for (Schema old : compared) {
      if (backward) {
        collect(
            "the new schema cannot read data written with an existing one",
            candidate,
            old,
            messages);
      }
      if (forward) {
        collect(
            "an existing schema cannot read data written with the new one",
            old,
            candidate,
            messages);
      }
    }
    return messages;
  }

  private static void collect(
      String direction, Schema reader, Schema writer, List<String> messages) {
    var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
    for (Incompatibility incompatibility : result.getIncompatibilities()) {
      messages.add(
          "%s: %s at %s: %s"
              .formatted(
                  direction,
                  incompatibility.getType(),
                  incompatibility.getLocation(),
                  incompatibility.getMessage()));
    }
  }
}
