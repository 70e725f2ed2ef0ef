package io.cairn.registry;

import io.cairn.avro.carts.CartCommand;
import io.cairn.avro.carts.CartEvent;
import io.cairn.avro.customers.CustomerCommand;
import io.cairn.avro.customers.CustomerEvent;
import io.cairn.avro.inventory.InventoryCommand;
import io.cairn.avro.inventory.InventoryEvent;
import io.cairn.avro.orders.OrderCommand;
import io.cairn.avro.orders.OrderEvent;
import io.cairn.avro.payments.PaymentCommand;
import io.cairn.avro.payments.PaymentEvent;
import io.cairn.avro.products.ProductCommand;
import io.cairn.avro.products.ProductEvent;
import io.cairn.avro.subscriptions.SubscriptionCommand;
import io.cairn.avro.subscriptions.SubscriptionEvent;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** One envelope for every payload type of every aggregate, filled in from the schema itself. */
final class SampleRecords {
  /** Every envelope class, with the topic it travels on. */
  static final List<Envelope> ENVELOPES =
      List.of(
          new Envelope("cairn.products.events", ProductEvent.getClassSchema()),
          new Envelope("cairn.products.commands", ProductCommand.getClassSchema()),
          new Envelope("cairn.inventory.events", InventoryEvent.getClassSchema()),
          new Envelope("cairn.inventory.commands", InventoryCommand.getClassSchema()),
          new Envelope("cairn.carts.events", CartEvent.getClassSchema()),
          new Envelope("cairn.carts.commands", CartCommand.getClassSchema()),
          new Envelope("cairn.customers.events", CustomerEvent.getClassSchema()),
          new Envelope("cairn.customers.commands", CustomerCommand.getClassSchema()),
          new Envelope("cairn.orders.events", OrderEvent.getClassSchema()),
          new Envelope("cairn.orders.commands", OrderCommand.getClassSchema()),
          new Envelope("cairn.payments.events", PaymentEvent.getClassSchema()),
          new Envelope("cairn.payments.commands", PaymentCommand.getClassSchema()),
          new Envelope("cairn.subscriptions.events", SubscriptionEvent.getClassSchema()),
          new Envelope("cairn.subscriptions.commands", SubscriptionCommand.getClassSchema()));

  /** An envelope schema and its topic. */
  record Envelope(String topic, Schema schema) {
    /** One envelope per payload type. */
    List<SpecificRecord> everyPayload() {
      return schema.getField("payload").schema().getTypes().stream()
          .map(payload -> withPayload(schema, payload))
          .toList();
    }
  }

  private SampleRecords() {}

  /** A cart event carrying an ItemAdded. */
  static CartEvent cartEvent() {
    return (CartEvent) ENVELOPES.get(4).everyPayload().getFirst();
  }

  private static SpecificRecord withPayload(Schema envelope, Schema payload) {
    SpecificRecord record = (SpecificRecord) value(envelope, "envelope");
    record.put(envelope.getField("payload").pos(), value(payload, "payload"));
    return record;
  }

  private static Object value(Schema schema, String name) {
    return switch (schema.getType()) {
      case RECORD -> record(schema);
      case STRING -> name + "-sample";
      case INT -> 3;
      case LONG ->
          schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
              ? Instant.ofEpochMilli(1_763_900_000_123L)
              : 4_200L;
      case BOOLEAN -> true;
      case ENUM -> generatedEnum(schema);
      case BYTES -> ByteBuffer.wrap(new byte[] {1, 2, 3});
      case ARRAY ->
          List.of(value(schema.getElementType(), name), value(schema.getElementType(), name));
      case UNION -> value(nonNull(schema), name);
      default -> throw new IllegalArgumentException("no sample for " + schema);
    };
  }

  /** A filled-in instance of any generated record of the contract. */
  static SpecificRecord sample(Schema schema) {
    return record(schema);
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // the class is the enum the schema names
  private static Object generatedEnum(Schema schema) {
    try {
      return Enum.valueOf(
          (Class) Class.forName(schema.getFullName()), schema.getEnumSymbols().getLast());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no generated enum " + schema.getFullName(), e);
    }
  }

  private static Schema nonNull(Schema union) {
    return union.getTypes().stream()
        .filter(type -> type.getType() != Schema.Type.NULL)
        .findFirst()
        .orElseThrow();
  }

  private static SpecificRecord record(Schema schema) {
    try {
      SpecificRecord record =
          (SpecificRecord)
              Class.forName(schema.getFullName()).getDeclaredConstructor().newInstance();
      for (Schema.Field field : schema.getFields()) {
        record.put(field.pos(), value(field.schema(), field.name()));
      }
      return record;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no generated class for " + schema.getFullName(), e);
    }
  }
}
