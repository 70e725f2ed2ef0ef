package io.cairn.registry;

import java.util.List;

/** What folding one log entry decided, reported to the instance that appended the entry. */
sealed interface Outcome {
  /** The schema is registered under the subject with this id and version. */
  record Registered(int id, int version) implements Outcome {}

  /** The schema is incompatible with the subject's versions under its compatibility level. */
  record Incompatible(List<String> reasons) implements Outcome {}

  /** These versions were soft-deleted. */
  record Deleted(List<Integer> versions) implements Outcome {}

  /** The compatibility level now in force. */
  record LevelSet(CompatibilityLevel level) implements Outcome {}

  /** The entry was refused when folded. */
  record Refused(RegistryError error) implements Outcome {}
}
