package io.cairn.avro.registry;

import org.apache.avro.Schema;

/**
 * The requests a {@link SchemaRegistryClient} makes of a registry, uncached: over HTTP to any
 * registry that speaks Confluent's API, or answered from memory in tests that run without one. Each
 * fails with a {@link SchemaRegistryException} carrying Confluent's error code.
 */
public interface RegistryRequests {

  /** Registers a schema under a subject, or finds it registered there, and returns its id. */
  int register(String subject, Schema schema);

  /** The registration of a schema under a subject, without registering it. */
  RegisteredSchema lookup(String subject, Schema schema);

  /** The latest version under a subject. */
  RegisteredSchema latest(String subject);

  /** The schema of a global id. */
  Schema schemaById(int id);
}
