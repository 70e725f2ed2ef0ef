package io.cairn.app.evolution;

import io.cairn.avro.products.DefineProduct;
import io.cairn.avro.products.ProductCommand;
import io.cairn.avro.products.ProductDefined;
import io.cairn.avro.products.ProductEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * One product's history twice: as commands the code of now turns into events, and as the catalogue
 * logged the same history before v2, with the frozen v1 schema, when a rating and its revision were
 * one event type, {@code ProductRated}.
 */
final class LegacyCatalogue {
  static final String TEA_JSON =
      "{\"name\":\"Tea\",\"category\":\"drinks\",\"priceMinor\":450,\"currency\":\"EUR\"}";

  /** Customer c1 rates 4 then revises to 5; c2 rates 3. */
  static final List<String> RATINGS_JSON =
      List.of(
          "{\"customerId\":\"c1\",\"stars\":4}",
          "{\"customerId\":\"c1\",\"stars\":5}",
          "{\"customerId\":\"c2\",\"stars\":3}");

  private static final Path V1 =
      Path.of("../avro-schemas/src/main/avro/released/cairn.products.events-value/v1.avsc");

  private LegacyCatalogue() {}

  /** The history above as the catalogue logged it before v2, in the v1 schema. */
  static List<GenericRecord> v1Log(String id) {
    Schema v1 = v1();
    List<GenericRecord> log = new ArrayList<>();
    log.add(envelope(v1, id, 1, defined(v1)));
    log.add(envelope(v1, id, 2, rated(v1, "c1", 4, null)));
    log.add(envelope(v1, id, 3, rated(v1, "c1", 5, 4)));
    log.add(envelope(v1, id, 4, rated(v1, "c2", 3, null)));
    return log;
  }

  /** The event defining the product, as this build writes it. */
  static ProductEvent definedEvent(String id, long version, Instant at) {
    String eventId = UUID.randomUUID().toString();
    return ProductEvent.newBuilder()
        .setEventId(eventId)
        .setAggregateId(id)
        .setAggregateVersion(version)
        .setOccurredAt(at)
        .setCommandId(eventId)
        .setCorrelationId(eventId)
        .setCausationId(eventId)
        .setPayload(new ProductDefined("Tea", "drinks", 450L, "EUR"))
        .build();
  }

  /** The command defining the product, as this build's gateway writes it. */
  static ProductCommand defineCommand(String id) {
    String commandId = UUID.randomUUID().toString();
    return ProductCommand.newBuilder()
        .setCommandId(commandId)
        .setAggregateId(id)
        .setExpectedVersion(null)
        .setIssuedAt(Instant.now())
        .setCorrelationId(commandId)
        .setIdempotencyKey(null)
        .setPayload(new DefineProduct("Tea", "drinks", 450L, "EUR"))
        .build();
  }

  private static GenericRecord envelope(Schema v1, String id, long version, GenericRecord payload) {
    String eventId = UUID.randomUUID().toString();
    GenericRecord envelope = new GenericData.Record(v1);
    envelope.put("eventId", eventId);
    envelope.put("aggregateId", id);
    envelope.put("aggregateVersion", version);
    envelope.put("occurredAt", Instant.now().toEpochMilli());
    envelope.put("commandId", eventId);
    envelope.put("correlationId", eventId);
    envelope.put("payload", payload);
    return envelope;
  }

  private static GenericRecord defined(Schema v1) {
    GenericRecord defined = new GenericData.Record(branch(v1, "ProductDefined"));
    defined.put("name", "Tea");
    defined.put("category", "drinks");
    defined.put("priceMinor", 450L);
    defined.put("currency", "EUR");
    return defined;
  }

  private static GenericRecord rated(Schema v1, String customer, int stars, Integer previous) {
    GenericRecord rated = new GenericData.Record(branch(v1, "ProductRated"));
    rated.put("customerId", customer);
    rated.put("stars", stars);
    rated.put("previousStars", previous);
    return rated;
  }

  private static Schema branch(Schema v1, String name) {
    Schema payload = v1.getField("payload").schema();
    return payload.getTypes().get(payload.getIndexNamed("io.cairn.avro.products." + name));
  }

  private static Schema v1() {
    try {
      return new Schema.Parser().parse(V1.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the released v1 of the products' events", e);
    }
  }
}
