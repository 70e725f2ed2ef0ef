package io.cairn.avro.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * An envelope as code newer than this build writes it: one more type appended to its payload union,
 * a change the schema gate accepts. Tests write records with it to show how this build's readers
 * meet a type they do not know.
 *
 * @param schema the newer envelope schema
 * @param typeName the simple name of the appended type, whose one field is a string {@code note}
 */
public record NewerEnvelope(Schema schema, String typeName) {

  /** The envelope with a record type of this name appended to its payload union. */
  public static NewerEnvelope of(Schema envelope, String typeName) {
    Schema added =
        Schema.createRecord(
            typeName,
            "A type a newer version added.",
            envelope.getNamespace(),
            false,
            List.of(new Schema.Field("note", Schema.create(Schema.Type.STRING))));
    List<Schema> branches = new ArrayList<>(envelope.getField("payload").schema().getTypes());
    branches.add(added);
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : envelope.getFields()) {
      Schema type = field.name().equals("payload") ? Schema.createUnion(branches) : field.schema();
      fields.add(new Schema.Field(field, type));
    }
    return new NewerEnvelope(
        Schema.createRecord(
            envelope.getName(), envelope.getDoc(), envelope.getNamespace(), false, fields),
        typeName);
  }

  /** The full name of the appended type. */
  public String fullTypeName() {
    return schema.getNamespace() + "." + typeName;
  }

  /** An envelope of this build, as the newer schema holds it. */
  public GenericRecord holding(SpecificRecord envelope) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
      new SpecificDatumWriter<SpecificRecord>(envelope.getSchema()).write(envelope, encoder);
      encoder.flush();
      return new GenericDatumReader<GenericRecord>(envelope.getSchema(), schema)
          .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An envelope of the newer schema with the fields of this one and a payload of the new type. */
  public GenericRecord carrying(SpecificRecord envelope, String note) {
    GenericRecord record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      Object value = envelope.get(envelope.getSchema().getField(field.name()).pos());
      // Written generically, a timestamp is its epoch milliseconds.
      record.put(field.pos(), value instanceof Instant instant ? instant.toEpochMilli() : value);
    }
    GenericRecord payload = new GenericData.Record(payloadSchema());
    payload.put("note", note);
    record.put("payload", payload);
    return record;
  }

  private Schema payloadSchema() {
    return schema.getField("payload").schema().getTypes().getLast();
  }
}
