package io.cairn.avro.gate;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Finds the unions whose released branches are not the first of the current schema's, in the same
 * order, walking both schemas in step: records by field name, arrays and maps by their elements,
 * unions by the names of their branches.
 */
final class UnionOrder {
  private UnionOrder() {}

  /** The paths of the fields whose union lost, moved or renamed a released branch. */
  static List<String> violations(Schema released, Schema current, String path) {
    List<String> found = new ArrayList<>();
    walk(released, current, path, found);
    return found;
  }

  private static void walk(Schema released, Schema current, String path, List<String> found) {
    if (released.getType() != current.getType()) {
      return; // a changed type is Avro's to report
    }
    switch (released.getType()) {
      case RECORD ->
          released
              .getFields()
              .forEach(
                  field -> {
                    Schema.Field now = current.getField(field.name());
                    if (now != null) {
                      walk(field.schema(), now.schema(), join(path, field.name()), found);
                    }
                  });
      case ARRAY -> walk(released.getElementType(), current.getElementType(), path, found);
      case MAP -> walk(released.getValueType(), current.getValueType(), path, found);
      case UNION -> union(released, current, path, found);
      default -> {}
    }
  }

  private static void union(Schema released, Schema current, String path, List<String> found) {
    List<Schema> old = released.getTypes();
    List<Schema> now = current.getTypes();
    boolean prefix = now.size() >= old.size();
    for (int i = 0; prefix && i < old.size(); i++) {
      prefix = old.get(i).getFullName().equals(now.get(i).getFullName());
    }
    if (!prefix) {
      found.add(path.isEmpty() ? "(the record itself)" : path);
      return;
    }
    for (int i = 0; i < old.size(); i++) {
      Schema branch = old.get(i);
      String branchPath =
          branch.getType() == Schema.Type.RECORD ? join(path, branch.getName()) : path;
      walk(branch, now.get(i), branchPath, found);
    }
  }

  private static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }
}
