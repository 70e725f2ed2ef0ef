package io.cairn.avro.testing;

import io.cairn.avro.registry.RegisteredSchema;
import io.cairn.avro.registry.RegistryRequests;
import io.cairn.avro.registry.SchemaRegistryClient;
import io.cairn.avro.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A schema registry held in memory, for tests that run a topology without a broker (as Confluent's
 * {@code mock://} URLs do): ids and versions are given out as a registry gives them, one id per
 * distinct schema across subjects, versions from 1 within a subject. It accepts every schema: the
 * schema gate and the embedded registry's own tests are where compatibility is checked.
 */
public final class InMemoryRegistry implements RegistryRequests {
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<Schema> byId = new ArrayList<>();
  private final Map<String, List<Integer>> subjects = new LinkedHashMap<>();

  /** A client of a new, empty registry. */
  public static SchemaRegistryClient client() {
    return new SchemaRegistryClient(new InMemoryRegistry());
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    int id = ids.computeIfAbsent(schema.toString(), text -> add(schema));
    List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!versions.contains(id)) {
      versions.add(id);
    }
    return id;
  }

  @Override
  public synchronized RegisteredSchema lookup(String subject, Schema schema) {
    List<Integer> versions = versions(subject);
    Integer id = ids.get(schema.toString());
    if (id == null || !versions.contains(id)) {
      throw new SchemaRegistryException(
          404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found under " + subject, null);
    }
    return new RegisteredSchema(subject, id, versions.indexOf(id) + 1, schema);
  }

  @Override
  public synchronized RegisteredSchema latest(String subject) {
    List<Integer> versions = versions(subject);
    int id = versions.getLast();
    return new RegisteredSchema(subject, id, versions.size(), byId.get(id - 1));
  }

  @Override
  public synchronized Schema schemaById(int id) {
    if (id < 1 || id > byId.size()) {
      throw new SchemaRegistryException(
          404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found", null);
    }
    return byId.get(id - 1);
  }

  private int add(Schema schema) {
    byId.add(schema);
    return byId.size();
  }

  private List<Integer> versions(String subject) {
    List<Integer> versions = subjects.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw new SchemaRegistryException(
          404,
          SchemaRegistryException.SUBJECT_NOT_FOUND,
          "Subject " + subject + " not found",
          null);
    }
    return versions;
  }
}
