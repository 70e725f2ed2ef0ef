package io.cairn.avro.registry;

import org.apache.avro.Schema;

/**
 * A schema as the registry holds it under a subject.
 *
 * @param subject the subject, such as {@code cairn.carts.events-value}
 * @param id the schema's global id, the one in every record's wire-format header
 * @param version its version within the subject
 * @param schema the schema itself
 */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {}
