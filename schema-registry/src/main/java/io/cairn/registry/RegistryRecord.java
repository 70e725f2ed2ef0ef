package io.cairn.registry;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Optional;

/**
 * One entry of the registry's log, the {@code _schemas} topic. Every instance folds the log in the
 * same order into the same state, so ids and versions are decided by the log, never by an instance.
 *
 * <p>Each entry carries a unique id and is keyed by it: compaction then never removes or reorders
 * an entry, so a replay always reaches the decisions the first fold reached.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = RegistryRecord.Register.class, name = "REGISTER"),
  @JsonSubTypes.Type(value = RegistryRecord.Import.class, name = "IMPORT"),
  @JsonSubTypes.Type(value = RegistryRecord.DeleteSubject.class, name = "DELETE_SUBJECT"),
  @JsonSubTypes.Type(value = RegistryRecord.DeleteVersion.class, name = "DELETE_VERSION"),
  @JsonSubTypes.Type(value = RegistryRecord.SetCompatibility.class, name = "SET_COMPATIBILITY")
})
public sealed interface RegistryRecord {
  /** The entry's unique id, also its record key. */
  String entryId();

  /** A request to register a schema under a subject. */
  record Register(String entryId, String subject, String schema) implements RegistryRecord {}

  /**
   * A schema registered under a subject with the id and version another registry gave it, as an
   * export is imported: no compatibility check, and later ids follow the highest imported.
   */
  record Import(String entryId, String subject, String schema, int id, int version)
      implements RegistryRecord {}

  /** A soft delete of every version of a subject. */
  record DeleteSubject(String entryId, String subject) implements RegistryRecord {}

  /** A soft delete of one version of a subject. */
  record DeleteVersion(String entryId, String subject, int version) implements RegistryRecord {}

  /** A change of the compatibility level, of one subject or (subject absent) the global one. */
  record SetCompatibility(String entryId, Optional<String> subject, CompatibilityLevel level)
      implements RegistryRecord {}
}
