package io.cairn.registry;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The operations of Confluent's Schema Registry API on Cairn's log-backed state: registration and
 * deletion go through the log, reads answer from the folded state and catch up with the log when
 * what they look for is not there yet.
 */
final class SchemaRegistryService {
  private final SchemaState state;
  private final RegistryLog log;

  SchemaRegistryService(SchemaState state, RegistryLog log) {
    this.state = state;
    this.log = log;
  }

  int register(String subject, String schemaText, String schemaType, boolean hasReferences) {
    Schema schema = parse(schemaText, schemaType, hasReferences);
    Optional<SchemaState.Version> existing = state.find(subject, schema);
    if (existing.isEmpty()) {
      log.catchUp(); // another instance may have registered it, or another version, a moment ago
      existing = state.find(subject, schema);
    }
    if (existing.isPresent()) {
      return existing.get().id(); // registering twice is idempotent and costs no write
    }
    // Refused before it is written, so a refusal leaves no trace in the log; the fold still
    // decides, should another instance register under the subject in between.
    List<String> violations = state.violations(subject, schema);
    if (!violations.isEmpty()) {
      throw RegistryError.incompatible(subject, violations);
    }
    Outcome outcome = log.append(new RegistryRecord.Register(newId(), subject, schema.toString()));
    return switch (outcome) {
      case Outcome.Registered registered -> registered.id();
      case Outcome.Incompatible incompatible ->
          throw RegistryError.incompatible(subject, incompatible.reasons());
      case Outcome.Refused refused -> throw refused.error();
      default -> throw new IllegalStateException("unexpected outcome " + outcome);
    };
  }

  /**
   * Registers a schema with the id and version another registry gave it.
   *
   * @param version the version under the subject; null for the next one
   */
  int importSchema(String subject, String schemaText, int id, Integer version) {
    Schema schema = parse(schemaText, null, false);
    log.catchUp();
    int next = state.live(subject).isEmpty() ? 1 : state.live(subject).getLast().version() + 1;
    Outcome outcome =
        log.append(
            new RegistryRecord.Import(
                newId(), subject, schema.toString(), id, version == null ? next : version));
    return switch (outcome) {
      case Outcome.Registered registered -> registered.id();
      case Outcome.Refused refused -> throw refused.error();
      default -> throw new IllegalStateException("unexpected outcome " + outcome);
    };
  }

  SchemaState.Version lookup(String subject, String schemaText, String schemaType) {
    Schema schema = parse(schemaText, schemaType, false);
    requireSubject(subject);
    return state
        .find(subject, schema)
        .orElseThrow(() -> RegistryError.schemaNotFound("under subject '" + subject + "'"));
  }

  List<String> subjects() {
    return state.subjects();
  }

  List<Integer> versions(String subject) {
    return requireSubject(subject).stream().map(SchemaState.Version::version).toList();
  }

  SchemaState.Version version(String subject, String versionText) {
    int wanted = parseVersion(versionText);
    List<SchemaState.Version> live = requireSubject(subject);
    if (wanted == -1) {
      return live.getLast();
    }
    return live.stream()
        .filter(version -> version.version() == wanted)
        .findFirst()
        .orElseThrow(() -> RegistryError.versionNotFound(subject, wanted));
  }

  Schema schemaById(int id) {
    Optional<Schema> schema = state.schemaById(id);
    if (schema.isEmpty()) {
      log.catchUp(); // it may have been registered by another instance a moment ago
      schema = state.schemaById(id);
    }
    return schema.orElseThrow(() -> RegistryError.schemaNotFound("schema id " + id));
  }

  List<String> compatibility(String subject, String versionText, String schemaText, String type) {
    Schema candidate = parse(schemaText, type, false);
    CompatibilityLevel level = state.level(subject);
    if (parseVersion(versionText) == -1) {
      List<Schema> live =
          requireSubject(subject).stream().map(SchemaState.Version::schema).toList();
      return level.violations(candidate, live);
    }
    return level.violations(candidate, List.of(version(subject, versionText).schema()));
  }

  CompatibilityLevel globalLevel() {
    return state.globalLevel();
  }

  CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
    return state
        .subjectLevel(subject)
        .or(() -> defaultToGlobal ? Optional.of(state.globalLevel()) : Optional.empty())
        .orElseThrow(() -> RegistryError.subjectCompatibilityNotFound(subject));
  }

  CompatibilityLevel setLevel(Optional<String> subject, String levelText) {
    CompatibilityLevel level = parseLevel(levelText);
    log.append(new RegistryRecord.SetCompatibility(newId(), subject, level));
    return level;
  }

  List<Integer> deleteSubject(String subject) {
    requireSubject(subject);
    return deleted(log.append(new RegistryRecord.DeleteSubject(newId(), subject)));
  }

  int deleteVersion(String subject, String versionText) {
    int version = version(subject, versionText).version();
    return deleted(log.append(new RegistryRecord.DeleteVersion(newId(), subject, version)))
        .getFirst();
  }

  private static List<Integer> deleted(Outcome outcome) {
    return switch (outcome) {
      case Outcome.Deleted deleted -> deleted.versions();
      case Outcome.Refused refused -> throw refused.error();
      default -> throw new IllegalStateException("unexpected outcome " + outcome);
    };
  }

  private List<SchemaState.Version> requireSubject(String subject) {
    List<SchemaState.Version> live = state.live(subject);
    if (live.isEmpty()) {
      log.catchUp();
      live = state.live(subject);
    }
    if (live.isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    return live;
  }

  private static Schema parse(String text, String type, boolean hasReferences) {
    if (type != null && !type.equalsIgnoreCase("AVRO")) {
      throw RegistryError.invalidSchema("Cairn's registry holds Avro schemas only, not " + type);
    }
    if (hasReferences) {
      throw RegistryError.invalidSchema("schema references are not supported");
    }
    if (text == null || text.isBlank()) {
      throw RegistryError.invalidSchema("the request has no schema");
    }
    try {
      return new Schema.Parser().parse(text);
    } catch (SchemaParseException | IllegalArgumentException e) {
      throw RegistryError.invalidSchema(e.getMessage());
    }
  }

  /** A version number, with -1 for "latest". */
  private static int parseVersion(String text) {
    if (text.equalsIgnoreCase("latest") || text.equals("-1")) {
      return -1;
    }
    try {
      int version = Integer.parseInt(text);
      if (version >= 1) {
        return version;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw RegistryError.invalidVersion(text);
  }

  private static CompatibilityLevel parseLevel(String text) {
    try {
      return CompatibilityLevel.valueOf(String.valueOf(text).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw RegistryError.invalidCompatibilityLevel(text);
    }
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
