package io.cairn.avro.serde;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryDecoder;

/**
 * Record types a writer's unions have and a reader's lack: the one difference between schemas that
 * leaves every record that does not use such a branch readable. The schema gate judges appended
 * types by the same reading of Avro's incompatibilities.
 */
public final class UnknownBranches {
  private UnknownBranches() {}

  /**
   * The full names of the writer's record branches the reader lacks, when that is all that keeps
   * the reader from reading the writer (an empty set when nothing does); empty when anything else
   * does.
   */
  static Optional<Set<String>> only(SchemaCompatibilityResult result) {
    Set<String> names = new HashSet<>();
    for (Incompatibility incompatibility : result.getIncompatibilities()) {
      Optional<Schema> branch = missingRecordBranch(incompatibility);
      if (branch.isEmpty()) {
        return Optional.empty();
      }
      names.add(branch.get().getFullName());
    }
    return Optional.of(Set.copyOf(names));
  }

  /**
   * The first of the unknown types a record uses, read with its writer's schema alone; empty when
   * it uses none, or is not readable even so.
   */
  static Optional<String> used(Set<String> unknown, Schema writer, BinaryDecoder body) {
    if (unknown.isEmpty()) {
      return Optional.empty();
    }
    try {
      return firstOf(unknown, new GenericDatumReader<>(writer).read(null, body));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> firstOf(Set<String> unknown, Object value) {
    if (value instanceof IndexedRecord record) {
      String name = record.getSchema().getFullName();
      if (unknown.contains(name)) {
        return Optional.of(name);
      }
      for (Schema.Field field : record.getSchema().getFields()) {
        Optional<String> found = firstOf(unknown, record.get(field.pos()));
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (value instanceof Collection<?> elements) {
      return elements.stream()
          .map(element -> firstOf(unknown, element))
          .flatMap(Optional::stream)
          .findFirst();
    } else if (value instanceof Map<?, ?> entries) {
      return firstOf(unknown, entries.values());
    }
    return Optional.empty();
  }

  /**
   * The writer's record branch a reader's union lacks, if that is what an incompatibility is: the
   * writer fragment itself, or the branch of the writer's union the location's last index names.
   */
  public static Optional<Schema> missingRecordBranch(Incompatibility incompatibility) {
    if (incompatibility.getType() != SchemaIncompatibilityType.MISSING_UNION_BRANCH) {
      return Optional.empty();
    }
    Schema writer = incompatibility.getWriterFragment();
    String location = incompatibility.getLocation();
    String index = location.substring(location.lastIndexOf('/') + 1);
    Schema branch =
        writer.getType() == Schema.Type.UNION && index.matches("\\d+")
            ? writer.getTypes().get(Integer.parseInt(index))
            : writer;
    return branch.getType() == Schema.Type.RECORD ? Optional.of(branch) : Optional.empty();
  }
}
