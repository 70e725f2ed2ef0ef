package io.cairn.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry's state, folded from its log. The fold is deterministic: the same entries in the
 * same order give every instance the same ids, versions and levels. Ids are handed out in log
 * order, one per distinct schema, starting at 1; versions count up per subject and are never
 * reused, even after a soft delete.
 */
final class SchemaState {
  /** One version of a subject. */
  record Version(String subject, int version, int id, Schema schema, boolean deleted) {
    Version asDeleted() {
      return new Version(subject, version, id, schema, true);
    }
  }

  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsByCanonical = new HashMap<>();
  private final Map<String, List<Version>> subjects = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel;
  private int nextId = 1;

  SchemaState(CompatibilityLevel defaultLevel) {
    this.globalLevel = defaultLevel;
  }

  synchronized Outcome apply(RegistryRecord entry) {
    return switch (entry) {
      case RegistryRecord.Register register -> register(register.subject(), register.schema());
      case RegistryRecord.Import imported -> importVersion(imported);
      case RegistryRecord.DeleteSubject delete -> deleteSubject(delete.subject());
      case RegistryRecord.DeleteVersion delete -> deleteVersion(delete.subject(), delete.version());
      case RegistryRecord.SetCompatibility set -> setLevel(set);
    };
  }

  private Outcome register(String subject, String text) {
    Schema schema;
    try {
      schema = new Schema.Parser().parse(text);
    } catch (RuntimeException e) {
      return new Outcome.Refused(RegistryError.invalidSchema(e.getMessage()));
    }
    Optional<Version> same = find(subject, schema);
    if (same.isPresent()) {
      return new Outcome.Registered(same.get().id(), same.get().version());
    }
    List<String> reasons = violations(subject, schema);
    if (!reasons.isEmpty()) {
      return new Outcome.Incompatible(reasons);
    }
    String canonical = schema.toString();
    int id = idsByCanonical.computeIfAbsent(canonical, key -> nextId++);
    schemasById.putIfAbsent(id, schema);
    List<Version> versions = subjects.computeIfAbsent(subject, key -> new ArrayList<>());
    int version = versions.isEmpty() ? 1 : versions.getLast().version() + 1;
    versions.add(new Version(subject, version, id, schema, false));
    return new Outcome.Registered(id, version);
  }

  private Outcome importVersion(RegistryRecord.Import entry) {
    Schema schema;
    try {
      schema = new Schema.Parser().parse(entry.schema());
    } catch (RuntimeException e) {
      return new Outcome.Refused(RegistryError.invalidSchema(e.getMessage()));
    }
    String canonical = schema.toString();
    Integer known = idsByCanonical.get(canonical);
    if (known != null && known != entry.id()) {
      return refusedImport("the schema has id " + known + " here, not " + entry.id());
    }
    Schema holder = schemasById.get(entry.id());
    if (holder != null && !holder.toString().equals(canonical)) {
      return refusedImport("id " + entry.id() + " holds another schema here");
    }
    List<Version> versions = subjects.computeIfAbsent(entry.subject(), key -> new ArrayList<>());
    Optional<Version> same =
        versions.stream().filter(v -> v.version() == entry.version()).findFirst();
    if (same.isPresent()) {
      return same.get().id() == entry.id()
          ? new Outcome.Registered(entry.id(), entry.version())
          : refusedImport(entry.subject() + " has a version " + entry.version() + " already");
    }
    if (!versions.isEmpty() && versions.getLast().version() > entry.version()) {
      return refusedImport(
          "versions are imported in order, and "
              + entry.subject()
              + " is at version "
              + versions.getLast().version());
    }
    idsByCanonical.put(canonical, entry.id());
    schemasById.put(entry.id(), schema);
    versions.add(new Version(entry.subject(), entry.version(), entry.id(), schema, false));
    nextId = Math.max(nextId, entry.id() + 1);
    return new Outcome.Registered(entry.id(), entry.version());
  }

  private static Outcome refusedImport(String why) {
    return new Outcome.Refused(RegistryError.importConflict(why));
  }

  private Outcome deleteSubject(String subject) {
    List<Version> versions = subjects.getOrDefault(subject, List.of());
    List<Integer> deleted = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      if (!versions.get(i).deleted()) {
        deleted.add(versions.get(i).version());
        versions.set(i, versions.get(i).asDeleted());
      }
    }
    return deleted.isEmpty()
        ? new Outcome.Refused(RegistryError.subjectNotFound(subject))
        : new Outcome.Deleted(deleted);
  }

  private Outcome deleteVersion(String subject, int version) {
    List<Version> versions = subjects.getOrDefault(subject, List.of());
    for (int i = 0; i < versions.size(); i++) {
      if (versions.get(i).version() == version && !versions.get(i).deleted()) {
        versions.set(i, versions.get(i).asDeleted());
        return new Outcome.Deleted(List.of(version));
      }
    }
    return new Outcome.Refused(RegistryError.versionNotFound(subject, version));
  }

  private Outcome setLevel(RegistryRecord.SetCompatibility set) {
    set.subject()
        .ifPresentOrElse(
            subject -> subjectLevels.put(subject, set.level()), () -> globalLevel = set.level());
    return new Outcome.LevelSet(set.level());
  }

  /** Why the schema may not be registered under the subject now; empty when it may. */
  synchronized List<String> violations(String subject, Schema schema) {
    List<Schema> live = live(subject).stream().map(Version::schema).toList();
    return level(subject).violations(schema, live);
  }

  /** The subjects with at least one version that is not deleted, sorted. */
  synchronized List<String> subjects() {
    return subjects.keySet().stream().filter(subject -> !live(subject).isEmpty()).toList();
  }

  /** A subject's versions that are not deleted, oldest first. */
  synchronized List<Version> live(String subject) {
    return subjects.getOrDefault(subject, List.of()).stream().filter(v -> !v.deleted()).toList();
  }

  /** The live version of a subject whose schema is the given one, if any. */
  synchronized Optional<Version> find(String subject, Schema schema) {
    String canonical = schema.toString();
    return live(subject).stream().filter(v -> v.schema().toString().equals(canonical)).findFirst();
  }

  /** The schema with a global id, deleted or not: records written with it stay readable. */
  synchronized Optional<Schema> schemaById(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  /** The subject's own level, if it has one. */
  synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  /** The global level. */
  synchronized CompatibilityLevel globalLevel() {
    return globalLevel;
  }

  /** The level that governs a subject: its own, or the global one. */
  synchronized CompatibilityLevel level(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }
}
