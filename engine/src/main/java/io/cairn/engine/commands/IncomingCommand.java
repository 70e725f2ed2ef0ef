package io.cairn.engine.commands;

import java.time.Instant;
import org.apache.avro.generic.IndexedRecord;

/**
 * A command as the processor reads it from its envelope: the fields every command envelope has,
 * whatever its aggregate type.
 */
record IncomingCommand(
    String commandId,
    String aggregateId,
    Long expectedVersion,
    Instant issuedAt,
    String correlationId,
    String idempotencyKey,
    String causationId,
    String actor,
    IndexedRecord payload) {

  static IncomingCommand of(IndexedRecord envelope) {
    var schema = envelope.getSchema();
    return new IncomingCommand(
        (String) envelope.get(schema.getField("commandId").pos()),
        (String) envelope.get(schema.getField("aggregateId").pos()),
        (Long) envelope.get(schema.getField("expectedVersion").pos()),
        (Instant) envelope.get(schema.getField("issuedAt").pos()),
        (String) envelope.get(schema.getField("correlationId").pos()),
        (String) envelope.get(schema.getField("idempotencyKey").pos()),
        (String) envelope.get(schema.getField("causationId").pos()),
        (String) envelope.get(schema.getField("actor").pos()),
        (IndexedRecord) envelope.get(schema.getField("payload").pos()));
  }

  /**
   * What caused the events this command appends: the event that caused the command, when a policy
   * or process manager sent it, else the command itself.
   */
  String causationOfEvents() {
    return causationId != null ? causationId : commandId;
  }
}
