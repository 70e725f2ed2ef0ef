package io.cairn.avro.gate;

import io.cairn.avro.serde.UnknownBranches;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * FULL_TRANSITIVE compatibility of a schema with every released version of its subject: the current
 * schema reads all of them (BACKWARD), and all of them read it (FORWARD). Each violation names the
 * subject, the version, the direction, the field and the rule it breaks.
 *
 * <p>Two rules differ from Avro's. A record appended at the end of an envelope's {@code payload}
 * union, a new event or command type, is accepted although a released reader cannot read it: such
 * readers meet an unknown type, which is why consumers upgrade before producers. And every union
 * must keep its released branches first, in their order: Avro resolves branches by name, but a
 * reader that goes by position (or a person reading the contract) would read another type.
 */
final class FullTransitiveCheck {
  private FullTransitiveCheck() {}

  /** The field an envelope's types travel in, whose union may grow at its end. */
  private static final String PAYLOAD = "payload";

  static List<String> violations(String subject, Schema current, Map<Integer, Schema> released) {
    List<String> violations = new ArrayList<>();
    released.forEach(
        (version, old) -> {
          String backward =
              subject + ": the current schema cannot read v" + version + " (BACKWARD)";
          String forward = subject + ": v" + version + " cannot read the current schema (FORWARD)";
          describe(backward, current, old, "", violations);
          describe(forward, old, current, "", violations);
          UnionOrder.violations(old, current, "")
              .forEach(
                  field ->
                      violations.add(
                          "%s: v%d's union branches are not first, in order, in the current schema:"
                                  .formatted(subject, version)
                              + " field %s breaks UNION_ORDER".formatted(field)));
        });
    return violations;
  }

  private static void describe(
      String heading, Schema reader, Schema writer, String prefix, List<String> violations) {
    var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
    for (Incompatibility incompatibility : result.getIncompatibilities()) {
      String path = join(prefix, FieldPath.of(reader, incompatibility.getLocation()));
      if (appendedPayloadType(reader, incompatibility)) {
        continue; // a new type at the end of the payload union: what a released reader skips
      }
      Optional<Schema> writerBranch = UnknownBranches.missingRecordBranch(incompatibility);
      Optional<Schema> readerBranch =
          writerBranch.flatMap(branch -> namesake(incompatibility.getReaderFragment(), branch));
      if (readerBranch.isPresent()) {
        // Avro reports a changed record inside a union as a missing branch; compare the record
        // with its namesake to name the field that really changed.
        String union = unionPath(reader, incompatibility.getLocation());
        String branchPath = join(prefix, join(union, writerBranch.get().getName()));
        describe(heading, readerBranch.get(), writerBranch.get(), branchPath, violations);
        continue;
      }
      violations.add(
          "%s: field %s breaks %s (%s)"
              .formatted(
                  heading,
                  path.isEmpty() ? "(the record itself)" : path,
                  incompatibility.getType(),
                  incompatibility.getMessage()));
    }
  }

  /**
   * Whether an incompatibility is the writer's payload union holding a record after all of the
   * reader's branches: a type appended to the envelope.
   */
  private static boolean appendedPayloadType(Schema reader, Incompatibility incompatibility) {
    Optional<Schema> branch = UnknownBranches.missingRecordBranch(incompatibility);
    if (branch.isEmpty()
        || incompatibility.getWriterFragment().getType() != Schema.Type.UNION
        || !PAYLOAD.equals(unionPath(reader, incompatibility.getLocation()))) {
      return false;
    }
    List<Schema> written = incompatibility.getWriterFragment().getTypes();
    Schema readerUnion = incompatibility.getReaderFragment();
    int readerBranches =
        readerUnion.getType() == Schema.Type.UNION ? readerUnion.getTypes().size() : 1;
    return written.indexOf(branch.get()) >= readerBranches;
  }

  private static Optional<Schema> namesake(Schema readerUnion, Schema record) {
    if (readerUnion.getType() != Schema.Type.UNION) {
      return Optional.empty();
    }
    return readerUnion.getTypes().stream()
        .filter(branch -> branch.getFullName().equals(record.getFullName()))
        .findFirst();
  }

  /** The path of the union field itself: the location without its trailing branch index. */
  private static String unionPath(Schema reader, String location) {
    return FieldPath.of(reader, location.substring(0, location.lastIndexOf('/')));
  }

  private static String join(String prefix, String path) {
    if (path.isEmpty() || path.equals("(the record itself)")) {
      return prefix;
    }
    return prefix.isEmpty() ? path : prefix + "." + path;
  }
}
