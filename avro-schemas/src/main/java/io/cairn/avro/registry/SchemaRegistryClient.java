package io.cairn.avro.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client of any registry that speaks Confluent's Schema Registry API (Confluent's own, Apicurio's
 * ccompat API, Karapace, Redpanda, and Cairn's embedded one), with caches: a schema id is fetched
 * once per client, and a schema is registered or looked up once per subject.
 *
 * <p>Share one client between the serdes of a process, and each id costs one request per process.
 */
public final class SchemaRegistryClient {
  private static final int MAX_CACHED_TEXTS = 1024;

  private final RegistryRequests registry;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, RegisteredSchema> lookups = new ConcurrentHashMap<>();
  private final Map<SameSchema, String> texts = new ConcurrentHashMap<>();

  /** A client of the registry at the configured URLs, with the given connection settings. */
  public SchemaRegistryClient(RegistryClientConfig config) {
    this(new HttpRegistryRequests(config));
  }

  /** A client that sends its requests to the given registry. */
  public SchemaRegistryClient(RegistryRequests registry) {
    this.registry = registry;
  }

  /** Registers a schema under a subject (or finds it registered already) and returns its id. */
  public int register(String subject, Schema schema) {
    return idsBySubjectSchema.computeIfAbsent(
        new SubjectSchema(subject, text(schema)),
        key -> {
          int id = registry.register(subject, schema);
          schemasById.putIfAbsent(id, schema);
          return id;
        });
  }

  /** Finds a schema already registered under a subject, without registering it. */
  public RegisteredSchema lookup(String subject, Schema schema) {
    return lookups.computeIfAbsent(
        new SubjectSchema(subject, text(schema)),
        key -> remembered(registry.lookup(subject, schema)));
  }

  /** The latest version under a subject; not cached, since it changes when a version is added. */
  public RegisteredSchema latest(String subject) {
    return remembered(registry.latest(subject));
  }

  /** The schema with a global id, fetched once and cached for good (ids never change). */
  public Schema schemaById(int id) {
    return schemasById.computeIfAbsent(id, registry::schemaById);
  }

  private RegisteredSchema remembered(RegisteredSchema registered) {
    schemasById.putIfAbsent(registered.id(), registered.schema());
    return registered;
  }

  /**
   * A schema's full JSON form, computed once per schema instance: it is the cache key of every
   * serialized record, and generated records all share their class's one schema instance. The cache
   * is bounded, for callers that parse a new instance of a schema for each record.
   */
  private String text(Schema schema) {
    if (texts.size() >= MAX_CACHED_TEXTS) {
      texts.clear();
    }
    return texts.computeIfAbsent(new SameSchema(schema), key -> schema.toString());
  }

  /** A cache key: schemas compare by their full JSON form, docs and properties included. */
  private record SubjectSchema(String subject, String schema) {}

  /** A schema instance as a key: the same instance, not an equal schema. */
  private record SameSchema(Schema schema) {
    @Override
    public boolean equals(Object other) {
      return other instanceof SameSchema same && same.schema == schema;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(schema);
    }
  }
}
