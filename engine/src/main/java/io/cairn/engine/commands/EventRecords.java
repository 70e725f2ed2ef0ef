package io.cairn.engine.commands;

import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.engine.mapping.RecordMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds the records an accepted command appends: the event envelope, and its CloudEvents 1.0 Kafka
 * binary-mode headers, so tools that speak CloudEvents read Cairn's events without the schema.
 */
final class EventRecords {
  private final BoundAggregate<?, ?, ?> aggregate;
  private final RecordMapper mapper;
  private final Schema payloadSchema;

  EventRecords(BoundAggregate<?, ?, ?> aggregate, RecordMapper mapper) {
    this.aggregate = aggregate;
    this.mapper = mapper;
    this.payloadSchema = aggregate.envelopes().events();
  }

  /** An appended event: its envelope and headers. */
  record Appended(
      String eventId,
      IndexedRecord envelope,
      Headers headers,
      String eventName,
      long version,
      Instant occurredAt,
      IndexedRecord payload) {}

  Appended append(Object event, IncomingCommand command, long version, Instant occurredAt) {
    IndexedRecord payload = (IndexedRecord) mapper.toAvro(event, payloadSchema);
    String eventId = UUID.randomUUID().toString();
    Schema schema = aggregate.envelopes().event();
    IndexedRecord envelope = mapper.newRecord(schema);
    envelope.put(schema.getField("eventId").pos(), eventId);
    envelope.put(schema.getField("aggregateId").pos(), command.aggregateId());
    envelope.put(schema.getField("aggregateVersion").pos(), version);
    envelope.put(schema.getField("occurredAt").pos(), occurredAt);
    envelope.put(schema.getField("commandId").pos(), command.commandId());
    envelope.put(schema.getField("correlationId").pos(), command.correlationId());
    envelope.put(schema.getField("causationId").pos(), command.causationOfEvents());
    envelope.put(schema.getField("actor").pos(), command.actor());
    envelope.put(schema.getField("payload").pos(), payload);
    String name = payload.getSchema().getName();
    return new Appended(
        eventId,
        envelope,
        headers(eventId, command, name, occurredAt),
        name,
        version,
        occurredAt,
        payload);
  }

  private Headers headers(
      String eventId, IncomingCommand command, String eventName, Instant occurredAt) {
    RecordHeaders headers = new RecordHeaders();
    add(headers, "ce_specversion", "1.0");
    add(headers, "ce_id", eventId);
    add(headers, "ce_source", "/cairn/" + aggregate.name());
    add(headers, "ce_type", "io.cairn." + aggregate.name() + "." + eventName);
    add(headers, "ce_time", occurredAt.toString());
    add(headers, "ce_subject", command.aggregateId());
    // CloudEvents extension attributes: lower-case letters and digits only.
    add(headers, "ce_correlationid", command.correlationId());
    add(headers, "ce_causationid", command.causationOfEvents());
    add(headers, "content-type", "application/avro");
    return headers;
  }

  private static void add(Headers headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
